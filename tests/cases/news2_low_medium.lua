-- NEWS2 4 from one parameter scoring 3 (AVPU C) and a pulse of 95 (1):
-- the RCP's low-medium band, which the window marks.
return case {
  id = "news2-low-medium", version = "1", title = "One red score", start = "a",
  patient = { name = "Test Patient", age = 70, sex = "F", setting = "Ward" },
  vitals = { hr = 95, sbp = 120, dbp = 70, rr = 18, spo2 = 96, temp = 37.0, avpu = "C" },
  nodes = {
    a = { text = "She is newly confused.", next = "b" },
    b = { text = "The team reviews her.", ending = { outcome = "good", summary = "Seen." } },
  },
}
