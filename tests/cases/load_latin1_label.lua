-- A label saved in Latin-1 (the é of "Café" is one byte, 0xE9): the log
-- must be UTF-8, so the loader refuses it and says to save as UTF-8.
return case {
  id = "x", version = "1", title = "t", start = "a",
  nodes = {
    a = { text = "", decision = { options = {
      { id = "o", label = "Café au lait", next = "b" } } } },
    b = { text = "", ending = { outcome = "good" } },
  },
}
