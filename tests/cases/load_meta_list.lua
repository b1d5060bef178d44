-- A list whose __len and __pairs loop or fail: lists are read by their raw
-- length and lua_next, and a list with a metatable is refused.
local never = function() while true do end end
return case {
  id = "x", version = "1", title = "t", start = "a",
  objectives = setmetatable({ "One" }, { __len = never, __pairs = never,
                                         __index = function() error("index") end }),
  nodes = { a = { text = "", ending = { outcome = "good" } } },
}
