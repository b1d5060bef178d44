-- A long text in [[ ]] that is never closed.
return case {
  id = "slip", version = "1", title = "Slip", start = "a",
  nodes = {
    a = {
      text = [[A man of 70 with chest pain.
He is sweaty and grey.,
      ending = { outcome = "good" },
    },
  },
}
