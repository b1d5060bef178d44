-- An apostrophe inside a text in single quotes ends it early.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { text = 'He didn't wait.', ending = { outcome = "good" } },
  },
}
