-- The night of the alerts: an inpatient sepsis model, validated elsewhere.
-- Critical care outreach. An EHR-embedded sepsis model fires all night. Its
-- developer reported an AUROC of 0.83; the hospital's own validation found
-- 0.63 with a positive predictive value of 12%, as external validations of
-- proprietary sepsis models have found. The first two alerts are false
-- positives that invite antibiotics nobody needs; four more are noise; the
-- last one, with the same wording, is right (alert fatigue; AI right, often
-- overruled). The alerts carry a score but no probability. At 08:00 the
-- trainee decides what to do about the tool itself: report it to the
-- hospital's clinical safety officer (DCB0160) and through the incident
-- system. That decision has no advice.
local obs = include("obs")

local function pathway_label()
  return "Start the sepsis pathway now: blood cultures and IV antibiotics within the hour"
end

return case {
  format = 1,
  id = "outreach-sepsis-alerts",
  version = "2.0",
  title = "The night of the alerts",
  summary = "You carry the critical care outreach bleep overnight. The hospital's new " ..
            "sepsis model alerts you again and again. Decide what each alert deserves, " ..
            "and what to do about the tool.",
  objectives = {
    "Judge each sepsis alert by the patient, using NEWS2 and NICE's risk levels (NG253)",
    "Avoid antibiotics for non-infective causes of fever and tachycardia",
    "Recognise alert fatigue and the alert that matters after many that did not",
    "Read a model card for where its performance was measured",
    "Report a deployed tool that performs poorly to its clinical safety officer and " ..
      "through incident reporting",
  },
  authors = { "Appraise project" },
  references = {
    -- NG253's scope, number and year are checked; the exact title on nice.org.uk is not.
    "NICE NG253 (2025) Suspected sepsis in people aged 16 or over who are not pregnant: " ..
      "recognition, diagnosis and early management",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2",
    "Academy of Medical Royal Colleges (2022) Statement on the initial antimicrobial " ..
      "treatment of sepsis",
    "Wong A et al. (2021) External validation of a widely implemented proprietary sepsis " ..
      "prediction model in hospitalized patients. JAMA Intern Med 181:1065-1070",
    "NICE CG50 (2007, updated 2019) Acutely ill adults in hospital: recognising and " ..
      "responding to deterioration",
    "NHS England Digital DCB0160 Clinical Risk Management: its Application in the " ..
      "Deployment and Use of Health IT Systems",
    "MHRA Yellow Card scheme: software, apps and artificial intelligence (software and AI " ..
      "as a medical device)",
    "NHS England Learn from Patient Safety Events (LFPSE) service",
  },
  tags = { "critical-care", "outreach", "sepsis", "clinical-safety" },
  minutes = 10,

  x_setting = "critical_care",
  x_profession = "outreach_nurse",
  x_tool_types = { "alerting", "risk_score" },
  x_failure_modes = { "alert_fatigue", "false_positive", "ai_right" },
  x_ai_errors = { "*/alert_hip false_positive", "*/alert_af false_positive" },

  patient = {
    name = "Three patients on the outreach list",
    setting = "Critical care outreach, night shift from 20:00",
    complaint = "Sepsis alerts from the electronic record",
  },

  ai = {
    name = "SepsisSentinel", version = "4.0",
    kind = "inpatient sepsis prediction model (alerts)",
    intended_use = "Adult inpatients outside critical care; predicts sepsis in the next " ..
                   "6 hours from the electronic record every 15 minutes and alerts the " ..
                   "outreach team when the score reaches 6",
    performance = { auroc = 0.63, sensitivity = 0.33, specificity = 0.83, ppv = 0.12 },
    trained_on = "The developer's data: 405,000 admissions at three US health systems, " ..
                 "2013-2015. The figures above are this hospital's own validation (2025); " ..
                 "the developer reported an AUROC of 0.83",
    limitations = {
      "About seven in eight alerts at the threshold are false alarms in this hospital",
      "Fever and tachycardia from any cause raise the score: post-operative " ..
        "inflammation, arrhythmia, pain",
      "Misses about two in three sepsis cases at the threshold",
      "The alert wording is the same whatever drove the score: read the reasons",
    },
  },

  start_time = "20:00",       -- the time of day at the start; the header adds the case clock
  start = "handover",
  nodes = {
    handover = {
      title = "20:00 handover",
      text = "You take the outreach bleep for the night. The day nurse warns you: " ..
             "\"SepsisSentinel went live last month. It fires all the time - I had " ..
             "fourteen today and none of them was septic.\"",
      next = "alert_hip",
    },

    alert_hip = {
      title = "21:30 - Orthopaedic ward, bed 6",
      text = "Mr Tomasz Kowalski, 66, is day 1 after an elective total hip replacement. " ..
             "He is sore on moving and has used little analgesia. The wound is clean and " ..
             "dry, his chest is clear, and he is passing urine. He feels well apart from " ..
             "the pain.",
      elapsed = 90,
      vitals = { hr = 104, sbp = 134, dbp = 78, rr = 18, spo2 = 95, temp = 38.1,
                 avpu = "A", o2 = "air", pain = 7 },
      results = { { name = "White cell count (bed 6, post-op day 1)", value = 13.1,
                    unit = "×10⁹/L", flag = "high" },
                  { name = "CRP (bed 6, post-op day 1)", value = 96, unit = "mg/L",
                    flag = "high" } },
      decision = {
        prompt = "What do you do about the alert for bed 6?",
        options = {
          { id = "pathway", label = pathway_label(), next = "alert_af" },
          { id = "bedside", label = "See him now: analgesia, deep breathing and mobilising; " ..
                                    "no antibiotics for now", next = "alert_af" },
          { id = "dismiss", label = "Acknowledge the alert without seeing him: the " ..
                                    "orthopaedic team will see him on their round",
            next = "alert_af" },
        },
        best = { "bedside" },
        advice = {
          recommend = "pathway",
          confidence = nil,
          message = "SEPSIS ALERT - score 7.2 (threshold 6). Possible sepsis: sepsis " ..
                    "order set suggested (blood cultures, antibiotics).",
          reasons = {
            { "Temperature 38.1 °C", 0.29 },
            { "Heart rate 104 /min", 0.24 },
            { "White cell count 13.1", 0.15 },
            { "Surgery in the last 48 hours", 0.12 },
          },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          bedside = "A low-grade fever, raised white cells and CRP on the first day after a " ..
                    "joint replacement are the expected inflammatory response. With a clean " ..
                    "wound, a clear chest and a NEWS2 of 3 (low risk), NICE allows time to " ..
                    "make a diagnosis before any antibiotic; the alert's reasons were all what " ..
                    "day 1 after a hip replacement looks like, as its model card warns.",
          pathway = "Every reason the alert gave - fever, heart rate, white cells, recent " ..
                    "surgery - is what day 1 after a hip replacement looks like, as its model " ..
                    "card warns. With a clean wound, a clear chest and a NEWS2 of 3 (low " ..
                    "risk), NICE allows time to make a diagnosis before any antibiotic: the " ..
                    "pathway gives him antibiotics he does not need.",
          dismiss = "The alert was a false alarm, but only seeing him could show it: at a " ..
                    "NEWS2 of 3 the RCP asks a registered nurse to assess the patient. At the " ..
                    "bedside a clean wound, a clear chest and a well man in pain explain the " ..
                    "fever and white cells as day 1 after a hip replacement.",
        },
      },
      debrief = "The alert was a false positive. Every reason it gave - fever, heart rate, " ..
                "white cells, recent surgery - is what the first day after a hip " ..
                "replacement looks like, and its model card says so. The careful cues were " ..
                "a NEWS2 of 3, a clean wound, a clear chest, a well man in pain. Starting " ..
                "the sepsis pathway would have given him antibiotics he did not need; " ..
                "dismissing the alert unseen is not right either - a review was due. " ..
                "Simplified: the orthopaedic team would also see him on their round.",
    },

    alert_af = {
      title = "22:40 - Acute medical unit, bed 14",
      text = "Mrs Janet Ellis, 52, was admitted this afternoon with palpitations: atrial " ..
             "fibrillation at 140 /min. Bisoprolol was started at 16:00. She feels her " ..
             "heart racing but is otherwise well, with no cough, urinary symptoms or " ..
             "fever. The ED venous gas showed a lactate of 2.3 mmol/L; a repeat has not " ..
             "been sent.",
      elapsed = 70,
      vitals = { hr = 118, sbp = 118, dbp = 72, rr = 20, spo2 = 96, temp = 37.2,
                 avpu = "A", o2 = "air", pain = 0 },
      results = { { name = "Lactate (ED venous gas, 14:10, bed 14)", value = 2.3,
                    unit = "mmol/L", flag = "high" },
                  { name = "CRP (bed 14)", value = 4, unit = "mg/L" } },
      decision = {
        prompt = "What do you do about the alert for bed 14?",
        options = {
          { id = "pathway", label = pathway_label(), next = "night" },
          { id = "rate", label = "Ask the medical team to review her rate control and " ..
                                 "repeat the lactate; no antibiotics", next = "night" },
          { id = "dismiss", label = "Acknowledge the alert without seeing her: her admitting " ..
                                    "team knows about the AF", next = "night" },
        },
        best = { "rate" },
        advice = {
          recommend = "pathway",
          confidence = nil,
          message = "SEPSIS ALERT - score 6.4 (threshold 6). Possible sepsis: sepsis " ..
                    "order set suggested (blood cultures, antibiotics).",
          reasons = {
            { "Heart rate 118 /min", 0.33 },
            { "Lactate 2.3 mmol/L", 0.19 },
            { "Admitted via the emergency department", 0.08 },
          },
          timing = "with_case",
        },
        ask = { trust = true, rationale = "override" },
        feedback = {
          rate = "Fast AF explains her heart rate, and with no symptoms or signs of " ..
                 "infection, a CRP of 4 mg/L and a NEWS2 of 2, sepsis is unlikely. The alert " ..
                 "leaned on that heart rate and on a lactate hours old; her rate control and " ..
                 "a fresh lactate are the real questions.",
          pathway = "The alert's heaviest reason was a heart rate that her fast AF already " ..
                    "explains, and its lactate was hours old and barely raised. With no " ..
                    "source, a CRP of 4 mg/L and a NEWS2 of 2, sepsis is unlikely: " ..
                    "antibiotics treat nothing here, while her rate control still needs review.",
          dismiss = "The alert was wrong about sepsis - no source, a CRP of 4 mg/L, a NEWS2 " ..
                    "of 2 - but a heart rate still 118 /min almost seven hours after " ..
                    "bisoprolol, and a lactate never repeated, need the medical team to review " ..
                    "her rate control.",
        },
      },
      debrief = "Another false positive. The score leaned on her heart rate, and she has " ..
                "fast atrial fibrillation that explains it; the lactate was hours old and " ..
                "barely raised. The careful cues were a known non-infective cause, no " ..
                "source, a normal CRP and a NEWS2 of 2. Simplified: a real review would " ..
                "include an ECG and her fluid balance.",
    },

    night = {
      title = "23:00 to 03:00",
      text = "Four more alerts fire. Two are for patients already on IV antibiotics for " ..
             "pneumonia; one is for a man receiving end-of-life care; one is for a woman " ..
             "whose heart rate rose during chest physiotherapy. You check each one and " ..
             "acknowledge it. It has been a busy night and you have not sat down since " ..
             "midnight.",
      elapsed = 260,
      next = "alert_catheter",
    },

    alert_catheter = {
      title = "03:10 - Care of older people ward, bed 22",
      text = "Another sepsis alert, the seventh tonight, with the same wording as the " ..
             "others. Mrs Edith Castle, 79, was admitted yesterday after a fall and " ..
             "catheterised for urinary retention. At 18:00 her BP was 132/76 mmHg and her " ..
             "pulse 88 /min. The ward charted her 02:45 observations but has not called " ..
             "anyone; the healthcare assistant noted she \"seems tired\". Her catheter has " ..
             "drained 60 mL since 23:00.",
      elapsed = 10,
      vitals = { hr = 118, sbp = 98, dbp = 58, rr = 23, spo2 = 96, temp = 35.9,
                 avpu = "A", o2 = "air", pain = 2 },
      decision = {
        prompt = "What do you do about the alert for bed 22?",
        options = {
          { id = "acknowledge", label = "Acknowledge it and ask the ward to repeat her " ..
                                        "observations in an hour", next = "late" },
          { id = "go", label = "See her now, start antibiotics within the hour, and call " ..
                               "the medical registrar", next = "treated" },
          { id = "fy1", label = "Ask the ward's FY1 to review her and start treatment when " ..
                                "they are free", next = "fy1_late" },
        },
        best = { "go" },
        advice = {
          recommend = "go",
          confidence = nil,
          message = "SEPSIS ALERT - score 8.8 (threshold 6). Possible sepsis: sepsis " ..
                    "order set suggested (blood cultures, antibiotics).",
          reasons = {
            { "Systolic BP 98 mmHg, down from 132", 0.31 },
            { "Respiratory rate 23 /min", 0.22 },
            { "Urine output 15 mL/h (catheter)", 0.21 },
            { "Heart rate 118 /min", 0.17 },
            { "Temperature 35.9 °C", 0.08 },
          },
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        time_limit = 60,
        on_timeout = "late",
        feedback = function(s)
          local risk = "NEWS2 " .. obs.news2(s.vitals) .. " with a likely urinary source. " ..
                       "NICE NG253: a NEWS2 of 7 or more with suspected infection means high " ..
                       "risk - immediate review by a senior decision-maker and antibiotics " ..
                       "within 1 hour. "
          local reasons = " The alert looked like the six before it, but its reasons did " ..
                          "not: a falling blood pressure, fast breathing, poor urine output."
          return {
            go = risk .. "A catheter, low urine output, a falling blood pressure and a low " ..
                 "temperature in an older woman fit urosepsis." .. reasons,
            acknowledge = risk .. "A repeat set in an hour spends that hour, and a low " ..
                          "temperature does not argue against sepsis in an older person." ..
                          reasons,
            fy1 = risk .. "An FY1 \"when they are free\" is neither senior nor within the " ..
                  "hour." .. reasons,
          }
        end,
      },
      debrief = "This alert was right, and it looked exactly like the six before it. The " ..
                "careful cues were the reasons, which were different this time - a falling " ..
                "blood pressure, fast breathing, poor urine output - and her NEWS2 of 7, " ..
                "which called for an emergency response on its own. A low temperature " ..
                "does not argue against sepsis in an older person. Alert fatigue is what " ..
                "a tool with a 12% positive predictive value does to its users; the answer " ..
                "is to read each alert's reasons and the patient, not to stop looking. " ..
                "Simplified: the ward should have escalated a NEWS2 of 7 without any alert.",
    },

    treated = {
      title = "03:40",
      text = "You find her cold peripherally and drowsy. Blood cultures, a lactate (4.6 " ..
             "mmol/L) and IV antibiotics are done within 30 minutes of the alert, with " ..
             "fluid and the medical registrar at the bedside. She goes to the " ..
             "high-dependency unit.",
      elapsed = 30,
      results = { obs.lactate(4.6) },
      set = { night = "treated" },
      next = "report",
    },

    fy1_late = {
      title = "04:50",
      text = "The FY1 reaches bed 22 at 04:50 after two other calls. Mrs Castle is now " ..
             "drowsy with a systolic of 82 mmHg. Antibiotics start, 100 minutes after the " ..
             "alert, and intensive care is called.",
      elapsed = 100,
      vitals = { hr = 128, sbp = 82, dbp = 46, rr = 27, avpu = "V" },
      results = { obs.lactate(6.1) },
      set = { night = "fy1_late" },
      next = "report",
    },

    late = {
      title = "04:15",
      text = "At the repeat observations the healthcare assistant cannot rouse Mrs Castle " ..
             "properly. A peri-arrest call goes out.",
      elapsed = 65,
      vitals = { hr = 136, sbp = 72, dbp = 40, rr = 30, spo2 = 91, avpu = "P" },
      results = { obs.lactate(7.4) },
      set = { night = "late" },
      next = "report",
    },

    report = {
      title = "08:00 handover",
      text = "Before you hand over, you look back at the night: seven SepsisSentinel " ..
             "alerts, two of them inviting antibiotics for patients without sepsis, four " ..
             "more that changed nothing, and one that mattered, worded like all the rest. " ..
             "The day nurse had fourteen yesterday. The model card gives this hospital's " ..
             "own figures: a positive predictive value of 12% and a sensitivity of 33%.",
      -- to 08:00, twelve hours after the 20:00 handover, whichever path led here
      elapsed = function(s) return 720 - s.clock end,
      decision = {
        prompt = "What do you do about SepsisSentinel?",
        options = {
          { id = "vendor", label = "Email the alert log to the vendor's support desk, and " ..
                                   "hand the alerts over to the day team", next = "morning" },
          { id = "suppress", label = "Ask the IT on-call to stop the sepsis alerts reaching " ..
                                     "the outreach bleep until the tool is reviewed",
            next = "morning" },
          { id = "report", label = "Log the night on the incident system, and send the " ..
                                   "alert log to the tool's clinical safety officer",
            next = "morning" },
        },
        best = { "report" },
        feedback = {
          report = "A hospital that deploys a health IT system manages its clinical risk " ..
                   "under the NHS standard DCB0160, led by a clinical safety officer who " ..
                   "keeps the hazard log, and near misses, delays and any harm go on the " ..
                   "local incident system, which feeds NHS England's Learn from Patient " ..
                   "Safety Events (LFPSE) service. A Yellow Card to the MHRA applies as well " ..
                   "only if the tool is a UKCA- or CE-marked medical device: a question for " ..
                   "the clinical safety officer.",
          vendor = "The developer should hear, but not instead of the hospital: under the " ..
                   "NHS standard DCB0160 the organisation that deployed the tool manages its " ..
                   "clinical risk, through a clinical safety officer who keeps the hazard " ..
                   "log. The night's near misses, delays and any harm belong on the local " ..
                   "incident system, which feeds NHS England's LFPSE service.",
          suppress = "Switching the alerts off yourself removes a control without a risk " ..
                     "assessment, and with it the one alert in eight that is right. Under " ..
                     "DCB0160 the hospital's clinical safety officer keeps the tool's hazard " ..
                     "log, so a change to how it is used goes through them, and the night's " ..
                     "near misses, delays and any harm go on the local incident system.",
        },
      },
      debrief = "A tool that is right at about one alert in eight and misses two sepsis " ..
                "cases in three, in this hospital's own validation, is a clinical risk, and " ..
                "the people who run it need to hear what it does on the wards from the " ..
                "people who use it. The route is the clinical safety officer, who holds " ..
                "the hospital's hazard log for the tool under DCB0160, and the local " ..
                "incident system for the near misses and the delay. A Yellow Card to the " ..
                "MHRA applies only if the tool is a marked medical device: an inpatient " ..
                "sepsis model built into the electronic record may not be, so check " ..
                "locally. Emailing the vendor or muting the bleep leaves the hospital's " ..
                "own risk assessment unchanged.",
    },

    morning = {
      title = "After the night",
      text = "You hand the bleep to the day team.",
      ending = {
        outcome = function(s)
          if s.vars.night == "late" then return "harm" end
          if s.vars.night == "fy1_late" then return "neutral" end
          if s.choices.alert_hip == "pathway" or s.choices.alert_af == "pathway" then
            return "neutral"
          end
          return "good"
        end,
        summary = function(s)
          local out
          if s.vars.night == "late" then
            out = "Mrs Castle was in septic shock by the time she was seen. She was " ..
                  "admitted to intensive care and died three days later."
          elseif s.vars.night == "fy1_late" then
            out = "Antibiotics started 100 minutes after the alert. Mrs Castle needed " ..
                  "vasopressors on intensive care, and survived after a long stay."
          else
            out = "Mrs Castle had urosepsis, treated within the hour. She spent a day on " ..
                  "the high-dependency unit and went home two weeks later."
          end
          if s.choices.alert_hip == "pathway" or s.choices.alert_af == "pathway" then
            out = out .. " Earlier in the night, antibiotics were started for a patient " ..
                  "who did not need them."
          end
          if s.choices.report == "report" then
            out = out .. " Your report reached the clinical safety officer, who opened a " ..
                  "review of the tool's alerts with the outreach team."
          elseif s.choices.report == "suppress" then
            out = out .. " The alerts were muted for the outreach bleep without a risk " ..
                  "assessment, and the tool's problems were never reported in the hospital."
          else
            out = out .. " The tool's problems were never reported in the hospital, so " ..
                  "nobody there reassessed its risk."
          end
          return out
        end,
      },
    },
  },
}
