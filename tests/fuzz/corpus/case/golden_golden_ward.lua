-- Golden log fixture: a narrative node, an after_initial decision overridden
-- with every rating and a rationale, then on_request advice asked for and a
-- time limit that runs out. golden_ward.jsonl is the log it must give with
-- golden_ward.inputs (written by hand from decision-log.md, not generated).
return case {
  id = "golden-ward",
  version = "2.0",
  title = "Golden: the deteriorating ward patient",
  vitals = { hr = 104, sbp = 108, dbp = 70, rr = 22, spo2 = 94, temp = 37.8, avpu = "A" },
  ai = { name = "WardWatch", version = "1.1", kind = "early warning model" },
  start = "handover",
  nodes = {
    handover = { text = "Night handover: Mr Okafor, day 2 after a bowel resection.", next = "review" },
    review = {
      text = "Mr Okafor looks unwell.",
      elapsed = 20,
      vitals = { hr = 124, rr = 26 },
      decision = {
        prompt = "What do you do?",
        options = {
          { id = "escalate", label = "Call the outreach team", next = "escalated" },
          { id = "wait", label = "Recheck in an hour", next = "waited" },
        },
        best = { "escalate" },
        advice = {
          recommend = "wait",
          confidence = 0.72,
          message = "Deterioration risk LOW.",
          reasons = { { "Age 45", -0.2 }, { "Heart rate 124", 0.3 } },
        },
        ask = { confidence = true, trust = true, rationale = "override" },
        feedback = "A rising NEWS2 calls for escalation, whatever the score says.",
      },
    },
    escalated = {
      text = "The outreach team arrive.",
      elapsed = 10,
      decision = {
        options = {
          { id = "fluids", label = "Fluid bolus only" },
          { id = "antibiotics", label = "Antibiotics and fluids" },
        },
        next = function(s, choice)
          if choice == "antibiotics" then return "good_end" end
          return "neutral_end"
        end,
        best = { "antibiotics" },
        advice = {
          recommend = "antibiotics",
          message = "Treat as sepsis.",
          timing = "on_request",
          source = "Outreach AI",
        },
        time_limit = 20,
        on_timeout = "neutral_end",
      },
    },
    waited = { text = "He arrests.", ending = { outcome = "harm", summary = "Cardiac arrest." } },
    good_end = { text = "He settles.", elapsed = 60, ending = { outcome = "good", summary = "Settled." } },
    neutral_end = { text = "Treatment is delayed.", elapsed = 60,
                    ending = { outcome = "neutral", summary = "Delayed." } },
  },
}
