-- scenarios/examples/first-case.lua
-- The case built step by step in scenarios/README.md: one decision, a
-- triage assistant that is wrong about it, and two endings.
return case {
  id = "example-first-case",
  version = "1.0",
  title = "Ankle injury: does she need an X-ray?",
  summary = "A netball player twists her ankle. A triage assistant applies the " ..
            "Ottawa ankle rules for you; decide whether to X-ray.",
  objectives = {
    "Apply the Ottawa ankle rules yourself, including weight bearing",
    "Check what an AI tool was told before accepting its answer",
  },
  authors = { "Appraise project" },
  references = { "Stiell IG et al. (1992) A study to develop clinical decision rules " ..
                 "for the use of radiography in acute ankle injuries. Ann Emerg Med 21:384-90" },
  tags = { "example", "emergency", "musculoskeletal" },
  minutes = 3,

  patient = {
    name = "Priya Shah", age = 34, sex = "F",
    setting = "Emergency department, minors",
    complaint = "Twisted right ankle at netball an hour ago",
    history = { "None" },
    medications = { "None" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 88, sbp = 128, dbp = 78, rr = 16, spo2 = 99, temp = 36.8, avpu = "A",
             pain = 7 },

  ai = {
    name = "TriageMate", version = "1.2",
    kind = "triage assistant",
    intended_use = "Suggests imaging for limb injuries from the triage nurse's entries",
    performance = { sensitivity = 0.95, specificity = 0.60 },
    trained_on = "Triage records from one hospital, 2019-2021",
    limitations = { "Sees only what was typed at triage, not what happened since" },
  },

  start = "arrival",
  nodes = {
    arrival = {
      title = "Minors, cubicle 2",
      text = "Ms Shah landed on the outside of her right foot. At triage she said she " ..
             "could walk.\n\nIn the cubicle she is tender at the tip of the lateral " ..
             "malleolus, and she cannot take four steps without help.",
      next = "xray",
    },

    xray = {
      title = "Imaging",
      text = "TriageMate has read the triage entry and applied the Ottawa ankle rules.",
      elapsed = 10,
      decision = {
        prompt = "Do you request an ankle X-ray?",
        options = {
          { id = "xray", label = "Request an ankle X-ray", next = "fracture_found" },
          { id = "discharge", label = "No X-ray: advice, analgesia and discharge",
            next = "missed" },
        },
        best = { "xray" },
        advice = {
          recommend = "discharge",
          confidence = 0.91,
          message = "Ottawa ankle rules negative. No X-ray needed.",
          reasons = {
            { "Able to bear weight at triage", -0.40 },
            { "Age under 55", -0.10 },
            { "Tenderness recorded", 0.15 },
          },
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = "Bone tenderness at the tip of the lateral malleolus, or being unable " ..
                   "to take four steps, is enough for an X-ray under the Ottawa rules.",
      },
      debrief = "TriageMate only saw the triage entry (\"can walk\"). What you found in " ..
                "the cubicle changed the answer: check what a tool was given.",
    },

    fracture_found = {
      title = "X-ray",
      text = "The X-ray shows an undisplaced fracture of the lateral malleolus.",
      elapsed = 60,
      ending = { outcome = "good",
                 summary = "Fracture found; boot, crutches and fracture clinic follow-up." },
    },

    missed = {
      title = "Three days later",
      text = "Ms Shah returns: she still cannot walk, and the ankle is badly swollen.",
      elapsed = 4320,
      ending = { outcome = "harm",
                 summary = "A missed fracture, found three days late." },
    },
  },
}
