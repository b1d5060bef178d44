local s = string.rep("", 1 << 62)
return case { id = "x", version = "1", title = "t", start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
