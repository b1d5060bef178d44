local a = include("helper")
local b = include("helper.lua")
local cards = include("cards")
assert(a == b, "include ran twice")
assert(a.count == 1, "helper ran twice")
return case { id = "x", version = "1", title = cards.cxr.name, start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
