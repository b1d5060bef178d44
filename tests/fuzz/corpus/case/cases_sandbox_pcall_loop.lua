for i = 1, 1e12 do
  pcall(function() while true do end end)
end
return case { id = "x", version = "1", title = "t", start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
