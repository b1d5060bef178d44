-- Fixture: a case that shows no early-warning score (early_warning = "none",
-- as for a pregnant woman or a child), with every observation NEWS2 needs
-- and values NEWS2 would score and flag. tests/cli/early_warning.sh plays it
-- with and without the key; test_ui_framing draws it.
return case {
  id = "early-warning-none",
  version = "1.0",
  title = "Headache at 35 weeks",
  early_warning = "none",
  patient = { name = "Test Patient", age = 29, sex = "F" },
  vitals = { hr = 135, sbp = 162, dbp = 106, rr = 26, spo2 = 95, temp = 36.9, avpu = "V" },
  start = "triage",
  nodes = {
    triage = { text = "She has a headache.", next = "done" },
    done = { text = "Done.", vitals = { hr = 140 },
             ending = { outcome = "good", summary = "Seen." } },
  },
}
