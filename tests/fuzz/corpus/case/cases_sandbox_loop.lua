local t = 0
while true do t = t + 1 end
return case { id = "x", version = "1", title = "t", start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
