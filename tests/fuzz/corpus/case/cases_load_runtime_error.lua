local n = nil
local y = n.field
return case { id = "x", version = "1", title = "t", start = "a",
  nodes = { a = { text = "", ending = { outcome = "good" } } } }
