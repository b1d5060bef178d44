-- A value without a key in the case table: the error names its type (a
-- string), not the type of the table it sits in.
return case {
  "stray",
  id = "x", version = "1", title = "t", start = "a",
  nodes = { a = { text = "", ending = { outcome = "good" } } },
}
