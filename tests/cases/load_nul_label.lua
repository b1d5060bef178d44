-- A label with a NUL byte: it would be shown and logged cut short.
return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = { text = "", decision = { options = {
      { id = "o", label = "Give 10 mg\0 IV", next = "b" } } } },
    b = { text = "", ending = { outcome = "good" } },
  },
}
