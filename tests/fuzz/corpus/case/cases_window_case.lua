-- Fixture for the window's tests (test_ui_layout, tests/cli/window_e2e.sh):
-- a narrative with **bold** and paragraphs, an after_initial decision asking
-- every rating and a rationale, an on_request decision under a time limit,
-- results, extras among the vitals and all three kinds of ending.
return case {
  id = "window-case",
  version = "1.0",
  title = "Breathless after surgery: a window test with a rather long title to wrap",
  summary = "A man two days after a hip replacement is breathless. A triage model and a " ..
            "chest film reader give their views.",
  objectives = { "Weigh a model's advice against the whole picture", "Act before time runs out" },
  tags = { "test", "window" },
  minutes = 6,
  patient = {
    name = "Arthur Penhaligon-Wetherby", age = 71, sex = "M",
    setting = "Orthopaedic ward, 03:40",
    complaint = "Sudden breathlessness and pleuritic chest pain",
    history = { "Hip replacement two days ago", "Atrial fibrillation" },
    medications = { "Apixaban (held since surgery)" },
    allergies = { "None known" },
  },
  vitals = { hr = 124, sbp = 104, dbp = 66, rr = 28, spo2 = 89, temp = 37.4, avpu = "A",
             o2 = "2 L/min nasal", glucose = 6.1, x_cap_refill = "3 s" },
  results = { { name = "D-dimer", value = 2.4, unit = "mg/L", flag = "high" } },
  ai = {
    name = "WardTriage", version = "1.4", kind = "triage model",
    intended_use = "Adult ward patients; ranks who needs review first",
    performance = { sensitivity = 0.78, specificity = 0.81, auroc = 0.84 },
    trained_on = "2016–2020 ward observations from two teaching hospitals",
    limitations = { "Not trained on post-operative patients", "Ignores the drug chart" },
  },
  start = "intro",
  nodes = {
    intro = {
      title = "Bay 3, bed 2",
      text = "Mr Penhaligon-Wetherby called the nurse: he is **suddenly breathless** and his " ..
             "chest hurts when he breathes in.\n\nHis anticoagulant has been held since the " ..
             "operation. Temperature ≥ 37 °C, SpO₂ 89% → falling; µg doses – none given.",
      next = "alert",
      debrief = "Sudden breathlessness after surgery is a pulmonary embolus until shown otherwise.",
    },
    alert = {
      title = "The triage model",
      text = "The ward's triage model has ranked him.",
      elapsed = 5,
      decision = {
        prompt = "What do you do first?",
        options = {
          { id = "ctpa", label = "Request a CT pulmonary angiogram and start treatment-dose anticoagulation now, after checking the bleeding risk with the surgeons", next = "later" },
          { id = "obs", label = "Repeat observations in an hour", next = "later" },
          { id = "xray", label = "Chest X-ray first", next = "later" },
        },
        best = { "ctpa" },
        advice = {
          recommend = "obs",
          confidence = 0.71,
          message = "Review priority: ROUTINE. Observations within normal post-operative range.",
          reasons = { { "Recent surgery (expected tachycardia)", -0.31 },
                      { "Respiratory rate 28 /min", 0.22 }, { "On oxygen", 0.09 } },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "always" },
        feedback = "The model was not trained on post-operative patients; its **routine** " ..
                   "ranking missed a likely pulmonary embolus.",
      },
      debrief = "The model's intended use excluded this patient.",
    },
    later = {
      title = "Twenty minutes later",
      text = "He is more breathless.",
      elapsed = 20,
      vitals = { hr = 132, sbp = 92, spo2 = 87 },
      results = { { name = "Troponin", value = 48, unit = "ng/L", flag = "high" },
                  { name = "ECG", value = "Sinus tachycardia, S1Q3T3" } },
      decision = {
        prompt = "He is getting worse. Now?",
        options = {
          { id = "escalate", label = "Call the critical care outreach team", next = "good_end" },
          { id = "wait", label = "Wait for the scan", next = "harm_end" },
        },
        best = { "escalate" },
        advice = {
          recommend = "escalate",
          confidence = 0.93,
          message = "Review priority: URGENT.",
          reasons = { { "SBP 92 mmHg", 0.4 } },
          timing = "on_request",
        },
        ask = { trust = true },
        time_limit = 300,
        on_timeout = "late_end",
      },
      debrief = "Falling blood pressure with a likely embolus needs critical care now.",
    },
    good_end = { text = "Outreach arrive within minutes.",
                 ending = { outcome = "good", summary = "He is treated and recovers." } },
    harm_end = { text = "He collapses in the scanner.",
                 ending = { outcome = "harm", summary = "He needs thrombolysis in ICU." } },
    late_end = { text = "Time ran out.",
                 ending = { outcome = "neutral", summary = "He is treated late." } },
  },
}
