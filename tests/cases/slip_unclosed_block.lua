-- A function whose if has no end.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = "A man of 70 with chest pain.",
      next = function(s)
        if s.vars.seen then
          return "b"
        return "b"
      end,
    },
    b = { text = "Done.", ending = { outcome = "good" } },
  },
}
