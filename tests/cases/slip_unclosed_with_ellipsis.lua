-- A text whose closing quote is missing, an ellipsis before the next field.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = { text = "He waited…, ending = { outcome = "good" } },
  },
}
