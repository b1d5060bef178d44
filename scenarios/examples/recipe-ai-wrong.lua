-- scenarios/examples/recipe-ai-wrong.lua
-- Recipe: the AI wrong at one decision. The ECG reader misses an inferior
-- STEMI at the first decision, then gives sound advice at the second, so a
-- trainee who simply overrides it every time does no better than one who
-- always follows it.
return case {
  id = "example-ai-wrong",
  version = "1.0",
  title = "Chest pain: the ECG reader's one miss",
  summary = "A man with chest pain; an ECG reader and its advice at two decisions.",
  objectives = { "Read the ECG yourself before reading the tool's report",
                 "Keep judging advice on its merits after catching one error" },
  references = { "NICE NG185 (2020) Acute coronary syndromes" },
  tags = { "example", "emergency", "cardiology" },
  minutes = 5,

  patient = { age = 58, sex = "M", setting = "Emergency department, majors",
              complaint = "Central chest pain for 40 minutes" },
  vitals = { hr = 96, sbp = 142, dbp = 88, rr = 20, spo2 = 96, temp = 36.9, avpu = "A",
             pain = 8 },

  ai = { name = "ECG-Read", version = "4.0", kind = "ECG interpretation",
         intended_use = "Adult 12-lead ECGs; flags acute ischaemia" },

  start = "arrival",
  nodes = {
    arrival = {
      text = "He is grey and sweaty. The 12-lead ECG shows 1.5 mm ST elevation in II, " ..
             "III and aVF, with ST depression in aVL.",
      decision = {
        prompt = "What do you do?",
        options = {
          { id = "pci", label = "Activate the primary PCI pathway", next = "cath_lab" },
          { id = "troponin", label = "Send a troponin and repeat the ECG in an hour",
            next = "late" },
        },
        best = { "pci" },
        advice = {
          recommend = "troponin",             -- the AI is wrong here: troponin is not in best
          confidence = 0.88,
          message = "No acute ischaemia detected. Suggest troponin.",
          timing = "after_initial",
        },
        ask = { trust = true },
        feedback = {                          -- a text for each option, by its id
          pci = "ST elevation in II, III and aVF with reciprocal depression in aVL, and " ..
                "ongoing pain: an inferior STEMI. Reperfusion by primary PCI, as fast as " ..
                "possible (NICE NG185).",
          troponin = "The ECG makes the diagnosis: ST elevation in II, III and aVF with " ..
                     "reciprocal depression in aVL, and ongoing pain, is an inferior STEMI. " ..
                     "Reperfusion does not wait an hour for a troponin (NICE NG185).",
        },
      },
      debrief = "Inferior ST elevation with reciprocal change and ongoing pain is a STEMI: " ..
                "primary PCI, not a troponin (NICE NG185). ECG-Read missed it.",
    },

    cath_lab = {
      text = "The cath lab team is on its way. He has had no antiplatelet yet.",
      elapsed = 10,
      decision = {
        prompt = "Before transfer?",
        options = {
          { id = "aspirin", label = "Give aspirin 300 mg now", next = "good_end" },
          { id = "wait", label = "Leave antiplatelets to the cath lab", next = "ok_end" },
        },
        best = { "aspirin" },
        advice = {
          recommend = "aspirin",              -- right here: aspirin is in best
          confidence = 0.93,
          message = "STEMI pathway: aspirin 300 mg unless contraindicated.",
          timing = "with_case",
        },
        ask = { trust = true },
        feedback = {
          aspirin = "A 300 mg loading dose of aspirin as soon as possible, unless he is " ..
                    "allergic to it, is part of the early treatment of a heart attack.",
          wait = "Aspirin 300 mg is due as soon as possible, unless he is allergic to it: " ..
                 "leaving it to the cath lab delays it for no gain.",
        },
      },
      debrief = "Here the tool was right: aspirin 300 mg as soon as possible. Rejecting " ..
                "good advice is an error too.",
    },

    good_end = { text = "Reperfused 70 minutes after arrival.", elapsed = 60,
                 ending = { outcome = "good", summary = "Primary PCI, aspirin given early." } },
    ok_end = { text = "Reperfused; aspirin was given in the lab.", elapsed = 60,
               ending = { outcome = "neutral", summary = "Primary PCI, aspirin late." } },
    late = { text = "An hour later the troponin is high and the ST elevation larger.",
             elapsed = 60,
             ending = { outcome = "harm", summary = "Reperfusion delayed by over an hour." } },
  },
}
