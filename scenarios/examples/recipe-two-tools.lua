-- scenarios/examples/recipe-two-tools.lua
-- Recipe: two AI tools. With several tools, `ai` holds one model card per
-- key, and every advice names its tool. Here the image classifier is right
-- and the sepsis score is wrong, so trust in one should not carry over.
return case {
  id = "example-two-tools",
  version = "1.0",
  title = "Cough and fever: two tools, two answers",
  summary = "A chest X-ray classifier and a sepsis score advise on the same patient.",
  objectives = { "Judge each tool on its own record, not on the other's" },
  references = { "NICE NG253 (2025) Suspected sepsis in people aged 16 or over who are " ..
                  "not pregnant: recognition, diagnosis and early management" },
  tags = { "example", "emergency", "two-tools" },
  minutes = 4,

  patient = { age = 52, sex = "M", setting = "Emergency department",
              complaint = "Cough and fever for five days" },
  vitals = { hr = 124, sbp = 88, dbp = 52, rr = 26, spo2 = 92, temp = 39.3, avpu = "A" },

  ai = {
    cxr = { name = "LungLens", version = "2.0", kind = "image classifier",
            intended_use = "Adult frontal chest X-rays" },
    sepsis = { name = "SepScore", version = "2.3", kind = "risk score" },
  },

  start = "film",
  nodes = {
    film = {
      text = "His chest X-ray is up on the screen: a dense shadow behind the heart on the " ..
             "left, and the inner part of the left hemidiaphragm cannot be seen.",
      decision = {
        prompt = "How do you read the film?",
        options = {
          { id = "consolidation", label = "Left lower lobe consolidation" },
          { id = "clear", label = "No acute abnormality" },
        },
        next = "severity",
        best = { "consolidation" },
        advice = { tool = "cxr", recommend = "consolidation", confidence = 0.94,
                   message = "Left lower lobe consolidation." },
        feedback = {
          consolidation = "A shadow behind the heart that hides the left hemidiaphragm is " ..
                          "left lower lobe consolidation: with five days of cough and " ..
                          "fever, a pneumonia.",
          clear = "Look behind the heart: a dense shadow there that hides the inner part " ..
                  "of the left hemidiaphragm is left lower lobe consolidation, an easy " ..
                  "place to miss it.",
        },
      },
      debrief = "LungLens was right: a left lower lobe pneumonia.",
    },
    severity = {
      text = "Blood tests are sent. SepScore has scored him.",
      elapsed = 15,
      decision = {
        prompt = "What next?",
        options = {
          { id = "sepsis6", label = "Start sepsis treatment within the hour", next = "good_end" },
          { id = "wait", label = "Wait for the blood results", next = "harm_end" },
        },
        best = { "sepsis6" },
        advice = { tool = "sepsis", recommend = "wait", confidence = 0.81,
                   message = "Sepsis risk LOW (19%)." },
        ask = { trust = true },
        feedback = {
          sepsis6 = "A likely chest source with a systolic of 88, a respiratory rate of 26 " ..
                    "and NEWS2 12 is high risk under NICE NG253: antibiotics within the " ..
                    "hour, with a senior review.",
          wait = "The blood results take longer than the hour he has: a likely chest " ..
                 "source with a systolic of 88, a respiratory rate of 26 and NEWS2 12 is " ..
                 "high risk under NICE NG253, with antibiotics due within the hour.",
        },
      },
      debrief = "A systolic of 88, a rate of 26 and a likely source: high risk under " ..
                "NICE NG253. SepScore was wrong.",
    },
    good_end = { text = "", elapsed = 60,
                 ending = { outcome = "good", summary = "Treated within the hour." } },
    harm_end = { text = "", elapsed = 120,
                 ending = { outcome = "harm", summary = "Septic shock while waiting." } },
  },
}
