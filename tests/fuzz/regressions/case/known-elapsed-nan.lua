return case {
  id = "nan", version = "1", title = "NaN", start = "a",
  vitals = { hr = 80, sbp = 120, rr = 16, spo2 = 97, temp = 36.8, avpu = "A" },
  nodes = {
    a = { text = "", elapsed = function(s) return 0/0 end, next = "b" },
    b = { text = "", ending = { outcome = "good" } },
  },
}
