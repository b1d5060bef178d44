local mt = getmetatable("")
assert(type(mt) ~= "table", "ESCAPED string metatable")
local d = ("x").dump or string.dump
assert(d == nil, "ESCAPED string.dump")
math.randomseed(1)
return case { id = "x", version = "1", title = "t", start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
