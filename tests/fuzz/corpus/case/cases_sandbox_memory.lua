local t = {}
for i = 1, 1e9 do
  t[i] = { i }
end
return case { id = "x", version = "1", title = "t", start = "a", nodes = { a = { text = "", ending = { outcome = "good" } } } }
