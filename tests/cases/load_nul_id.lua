-- A case id with a NUL byte in it: it was cut to "t" and logged as t.
return case {
  id = "t\0/../..", version = "1", title = "t", start = "a",
  nodes = { a = { text = "", ending = { outcome = "good" } } },
}
