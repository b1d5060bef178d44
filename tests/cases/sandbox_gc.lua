assert(not pcall(setmetatable, {}, { __gc = false }), "ESCAPED: __gc = false was accepted")
local t = setmetatable({}, { __gc = function() while true do end end })
return case { id = "x", version = "1", title = "t", start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
