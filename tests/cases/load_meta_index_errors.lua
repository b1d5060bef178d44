-- A node's __index raises an error (title is missing, so a reader that used
-- lua_getfield would call it outside any protected call: a Lua panic).
return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = setmetatable({ text = "", ending = { outcome = "good" } },
                     { __index = function(_, k) error("no " .. k) end }),
  },
}
