-- a comment with case { nodes = { } }
--[==[ a long comment
nodes = { fake = 1 } ]==]
local s = [[
long ]] .. "esc \" \\ \z
   continued" .. 'single \'q\'' .. "\x41\u{48}\65"
return case {
  id = "lex", ["version"] = "1", title = s; start = "a",
  nodes = {
    a = { text = [=[ ]] ]=], decision = { options = {
      { id = "x", label = "X", next = "b" },
      { id = "y", label = "Y", next = "b" }, }, best = { "x" } } },
    b = { text = "", ending = { outcome = "good" } },
    [ "c" .. "d" ] = { text = 0x1p4, n = 1e-3, m = .5 },
  },
}
