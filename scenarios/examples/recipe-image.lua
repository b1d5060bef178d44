-- scenarios/examples/recipe-image.lua
-- Recipe: an image. A result (or a node) shows a picture with image = { file,
-- alt }: a PNG or JPEG in the case's folder, and what it shows in words.
return case {
  id = "example-image",
  version = "1.0",
  title = "Chest pain: the ECG itself",
  summary = "Chest pain in the emergency department; read the ECG, not only its report.",
  objectives = { "Recognise ST elevation in the inferior leads on a 12-lead ECG" },
  references = { "NICE NG185 (2020, updated 2024) Acute coronary syndromes" },
  tags = { "example", "emergency", "ecg" },
  minutes = 3,

  patient = { age = 61, sex = "M", setting = "Emergency department",
              complaint = "Central chest pain for 40 minutes" },
  vitals = { hr = 96, sbp = 128, dbp = 78, rr = 20, spo2 = 96, temp = 36.8, avpu = "A" },

  results = {
    { name = "12-lead ECG", value = "ST elevation 2 mm in II, III and aVF",
      image = { file = "images/ecg-inferior.png",
                alt = "12-lead ECG: sinus rhythm 96/min; ST elevation of 2 mm in II, " ..
                      "III and aVF, with ST depression in I and aVL" } },
  },

  start = "ecg",
  nodes = {
    ecg = {
      text = "The ECG is in the results panel (R); press I to see it full size.",
      decision = {
        prompt = "What do you do?",
        options = {
          { id = "ppci", label = "Activate primary PCI", next = "reperfused" },
          { id = "troponin", label = "Wait for the troponin", next = "late" },
        },
        best = { "ppci" },
      },
      debrief = "ST elevation in two contiguous inferior leads, with reciprocal " ..
                "depression in I and aVL: an inferior STEMI. Primary PCI without waiting " ..
                "for a troponin (NICE NG185).",
    },
    reperfused = { text = "The artery is opened 50 minutes later.", elapsed = 50,
                   ending = { outcome = "good", summary = "Reperfused promptly." } },
    late = { text = "The troponin is high; he is reperfused two hours later.", elapsed = 120,
             ending = { outcome = "harm", summary = "Reperfusion delayed by a blood test." } },
  },
}
