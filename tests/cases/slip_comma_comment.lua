-- A missing comma on a line that ends with a comment.
return case {
  id = "slip", version = "1", start = "a",
  title = "Slip" -- shown in the library

  -- the one node
  nodes = {
    a = { text = "A man of 70 with chest pain.", ending = { outcome = "good" } },
  },
}
