return case {
  id = "x", version = "1", title = "t", start = "a",
  vitals = { hr = 90,
             spo2 = 101 },
  nodes = { a = { text = "", ending = { outcome = "good" } } },
}
