-- No ST elevation: the ECG reader that was right.
-- Emergency department. The tool is right at the first two decisions, and
-- trainees tend to overrule it because the standard 12 leads show no ST
-- elevation. At the third its rhythm alert calls a benign reperfusion rhythm
-- ventricular tachycardia (a false positive): right twice is not right always.
-- Variants keep the advice identical and change only who gives it: an AI
-- tool ("ai") or the cardiology registrar on the phone ("colleague"), so a
-- cohort can compare reliance on the two.
local models = include("models")
local variants = include("variants")

local source = variants.pick { ai = "AI", colleague = "Cardiology registrar (phone)" }

return case {
  format = 1,
  id = "ed-chest-pain",
  version = "1.0",
  title = "No ST elevation: the ECG reader that was right",
  summary = "A 58-year-old man has 50 minutes of crushing central chest pain. His ECG " ..
            "shows ST depression but no ST elevation. The advice you get is unexpected; " ..
            "decide whether it deserves your trust.",
  objectives = {
    "Recognise ST depression in V1-V3 with dominant R waves as a possible posterior STEMI",
    "Use posterior leads V7-V9 to confirm, and choose reperfusion as NICE NG185 sets out",
    "Notice the pull to overrule correct advice that contradicts a first impression",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG185 (2020) Acute coronary syndromes",
    "NICE CG95 (2010, updated 2016) Recent-onset chest pain of suspected cardiac origin",
    "Byrne RA et al. (2023) ESC Guidelines for the management of acute coronary " ..
      "syndromes. Eur Heart J 44:3720-3826",
    "Resuscitation Council UK (2021) Adult advanced life support guidelines",
  },
  tags = { "emergency", "cardiology", "ecg", "ai-right", "colleague-label" },
  minutes = 8,
  variants = { "ai", "colleague" },
  x_setting = "emergency",
  x_profession = "doctor",
  x_failure_modes = { "ai_right", "false_positive" },
  x_ai_errors = { "*/awaiting false_positive" },

  patient = {
    name = "David Mensah", age = 58, sex = "M",
    setting = "Emergency department, majors, 21:40",
    complaint = "Central chest tightness for 50 minutes, sweating, nausea",
    history = { "Type 2 diabetes", "Hypertension", "Smoker, 30 pack-years" },
    medications = { "Metformin 1 g twice daily", "Amlodipine 5 mg once daily" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 96, sbp = 152, dbp = 90, rr = 20, spo2 = 97, temp = 36.7,
             avpu = "A", o2 = "air", pain = 7 },

  results = {
    { name = "12-lead ECG (triage, 21:38)",
      value = "Sinus rhythm 96/min. Horizontal ST depression 2 mm V1-V3 with tall R " ..
              "waves (R/S > 1 in V2) and upright T waves. No ST elevation. No LBBB." },
    { name = "Capillary glucose", value = 9.4, unit = "mmol/L", flag = "high" },
  },

  ai = models.card("ecg"),

  start = "arrival",
  nodes = {
    arrival = {
      title = "Majors bay 6",
      text = "Mr Mensah is pale, clammy and holding his chest. The pain came on at rest " ..
             "50 minutes ago, 7 out of 10, radiating to his back. He has had no pain " ..
             "like it before.\n\nYou are the emergency medicine registrar. The triage " ..
             "nurse hands you his ECG, recorded two minutes ago.",
      next = "ecg_read",
    },

    ecg_read = {
      title = "The triage ECG",
      text = "The ECG is in the results panel. There is no ST elevation in any of the " ..
             "12 standard leads.",
      elapsed = 5,
      decision = {
        prompt = "What do you do next?",
        options = {
          { id = "nste_acs", label = "Treat as NSTE-ACS: aspirin 300 mg, GRACE score, " ..
                                      "refer to cardiology", next = "delay" },
          { id = "posterior", label = "Record posterior leads V7-V9 now and prepare to " ..
                                       "call the primary PCI centre", next = "posterior_leads" },
          { id = "troponin", label = "Give aspirin 300 mg and decide when the 0-hour " ..
                                      "troponin is back", next = "delay" },
        },
        best = { "posterior" },
        advice = {
          recommend = "posterior",
          confidence = nil,
          message = "Posterior STEMI pattern: ST depression V1-V3 with dominant R waves " ..
                    "and upright T waves. Record V7-V9 and discuss for immediate reperfusion.",
          reasons = variants.pick {
            ai = {
              { "ST depression 2 mm, maximal in V2-V3", 0.36 },
              { "R/S ratio > 1 in V2", 0.21 },
              { "Upright T waves in V1-V3", 0.14 },
              { "No ST elevation in standard leads", -0.08 },
            },
            colleague = nil,
          },
          timing = "with_case",
          source = source,
        },
        ask = { trust = true, confidence = true, rationale = "override" },
      },
      debrief = "The advice was right. ST depression confined to V1-V3, with tall R waves " ..
                "and upright T waves, is the mirror image of ST elevation in the posterior " ..
                "wall. The ESC 2023 guideline treats ST depression of 0.5 mm or more in " ..
                "V1-V3 with ST elevation of 0.5 mm or more in V7-V9 as a STEMI equivalent " ..
                "needing immediate reperfusion. The cue a careful clinician uses is where " ..
                "the ST depression is: widespread depression suggests subendocardial " ..
                "ischaemia, but depression maximal in V1-V3 asks for posterior leads. " ..
                "Overruling advice because the standard leads show no ST elevation is the " ..
                "error this case is built to show.",
    },

    delay = {
      title = "Forty minutes later",
      text = "Mr Mensah has had aspirin 300 mg. His pain is still 6 out of 10 despite two " ..
             "sprays of GTN. The 0-hour high-sensitivity troponin T is back.\n\nThe ED " ..
             "consultant looks at the ECG, asks for posterior leads and they are recorded.",
      elapsed = 40,
      vitals = { hr = 102, sbp = 138, dbp = 84, pain = 6 },
      results = {
        { name = "hs-troponin T (0 h)", value = 86, unit = "ng/L", flag = "high" },
        { name = "Posterior ECG (V7-V9)",
          value = "ST elevation 1 mm in V8 and V9, 0.5 mm in V7" },
      },
      next = "reperfusion",
    },

    posterior_leads = {
      title = "Posterior leads",
      text = "The nurse moves V4-V6 round to his back, below the left scapula, and " ..
             "records V7-V9. He has had aspirin 300 mg.",
      elapsed = 6,
      results = {
        { name = "Posterior ECG (V7-V9)",
          value = "ST elevation 1 mm in V8 and V9, 0.5 mm in V7" },
      },
      next = "reperfusion",
    },

    reperfusion = {
      title = "Reperfusion",
      text = function(s)
        return "The posterior leads are in the results panel. The primary PCI centre is " ..
               "25 minutes away by ambulance and its catheter laboratory is open. His " ..
               "pain began " .. (50 + s.clock) .. " minutes ago."
      end,
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "lysis", label = "Give fibrinolysis in the ED, then transfer" },
          { id = "ppci", label = "Call the PCI centre to activate primary PCI and transfer " ..
                                 "him now" },
          { id = "wait", label = "Admit to the coronary care unit and repeat the troponin " ..
                                 "at 1 hour" },
        },
        next = function(s, choice)
          return choice == "wait" and "arrest" or "awaiting"
        end,
        best = { "ppci" },
        advice = {
          recommend = "ppci",
          confidence = nil,
          message = "Posterior STEMI confirmed: ST elevation of 0.5 mm or more in V7-V9. " ..
                    "Activate primary PCI.",
          reasons = variants.pick {
            ai = {
              { "ST elevation 1 mm in V8-V9", 0.41 },
              { "ST depression V1-V3 (reciprocal)", 0.22 },
              { "Symptom onset under 12 hours", 0.10 },
            },
            colleague = nil,
          },
          timing = "after_initial",
          source = source,
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        time_limit = 120,
        on_timeout = "arrest",
      },
      debrief = "The advice was right again. The posterior leads meet the STEMI-equivalent " ..
                "criterion (0.5 mm or more in V7-V9; 1 mm in men under 40). NICE NG185 " ..
                "makes primary PCI the preferred reperfusion for STEMI within 12 hours of " ..
                "onset when it can be delivered within 120 minutes of the time fibrinolysis " ..
                "could have been given, as here. Fibrinolysis is for when it cannot. " ..
                "Waiting for troponin delays reperfusion: a STEMI is diagnosed from the ECG " ..
                "and the story, not from a troponin. For teaching, the case simplifies the " ..
                "transfer and omits the second antiplatelet and anticoagulant choices.",
    },

    awaiting = {
      title = "A new rhythm",
      text = function(s)
        local before
        if s.choices.reperfusion == "lysis" then
          before = "Tenecteplase has been given and he is waiting for the ambulance."
        else
          before = "The PCI centre has accepted him and the ambulance is ten minutes away."
        end
        return before .. " Suddenly his pain eases to 2 out of 10. The monitor shows a " ..
               "regular broad-complex rhythm at 78/min, with P waves marching through " ..
               "independently. He is talking, BP 132/80, and feels better than he has all " ..
               "evening."
      end,
      elapsed = 12,
      vitals = { hr = 78, sbp = 132, dbp = 80, pain = 2 },
      results = {
        { name = "Rhythm strip",
          value = "Regular broad-complex rhythm 78/min, QRS 150 ms, AV dissociation; " ..
                  "reverts to sinus rhythm 84/min and back twice in 3 minutes" },
      },
      decision = {
        prompt = "What do you do about the rhythm?",
        options = {
          { id = "amiodarone", label = "Give amiodarone 300 mg IV" },
          { id = "observe", label = "No antiarrhythmic: accelerated idioventricular " ..
                                    "rhythm; keep monitoring and carry on with the plan" },
          { id = "cardiovert", label = "Sedate and give synchronised DC cardioversion" },
        },
        next = function(s)
          if s.choices.reperfusion == "lysis" then return "lysis" end
          return s.choices.ecg_read == "posterior" and "ppci_prompt" or "ppci_late"
        end,
        best = { "observe" },
        advice = {
          recommend = "amiodarone",
          confidence = nil,
          message = "Ventricular tachycardia. Consider amiodarone or synchronised DC " ..
                    "cardioversion.",
          reasons = variants.pick {
            ai = {
              { "QRS duration 150 ms", 0.41 },
              { "AV dissociation", 0.27 },
              { "Rate 78 /min", -0.06 },
            },
            colleague = nil,
          },
          timing = "with_case",
          source = source,
        },
        ask = { trust = true, confidence = true, rationale = "override" },
      },
      debrief = "This time the advice was wrong: a false positive inviting a needless " ..
                "treatment. A regular ventricular rhythm at 78/min, competing with sinus " ..
                "rhythm in a comfortable patient whose pain has just eased, is an " ..
                "accelerated idioventricular rhythm: a common, usually self-limiting " ..
                "sign of reperfusion, spontaneous or after fibrinolysis. It is not a " ..
                "tachycardia, so the Resuscitation Council UK tachycardia algorithm does " ..
                "not apply; antiarrhythmics or cardioversion add risk (hypotension, and " ..
                "suppressing the only ventricular rhythm if sinus slows) and delay the " ..
                "transfer. The careful cue was the rate, which the explanation itself " ..
                "scored as evidence against. Easing pain does not cancel angiography: the " ..
                "artery still needs opening. Advice that was right twice is not right " ..
                "for that reason the third time. For teaching, the rhythm is described " ..
                "in words.",
    },

    ppci_prompt = {
      title = "Catheter laboratory",
      text = "Angiography shows a dominant left circumflex artery with a tight, " ..
             "thrombotic lesion and sluggish flow, which is stented. Door-to-balloon time " ..
             "was 64 minutes.",
      elapsed = 58,
      vitals = { hr = 78, sbp = 128, dbp = 76, pain = 0 },
      ending = {
        outcome = function(s)
          return s.choices.awaiting == "observe" and "good" or "neutral"
        end,
        summary = function(s)
          local base = "Mr Mensah was reperfused quickly. His echocardiogram shows a small " ..
                       "posterolateral wall motion abnormality with preserved function."
          if s.choices.awaiting == "amiodarone" then
            return base .. " Amiodarone for a reperfusion rhythm dropped his blood " ..
                   "pressure to 84/50 on the way, which needed fluid and a slower journey."
          elseif s.choices.awaiting == "cardiovert" then
            return base .. " Sedation and cardioversion for a benign reperfusion rhythm " ..
                   "added risk and 20 minutes to his transfer."
          end
          return base
        end,
      },
    },

    ppci_late = {
      title = "Catheter laboratory",
      text = "Angiography shows a dominant left circumflex artery with a tight, " ..
             "thrombotic lesion, which is stented. Door-to-balloon time was 112 minutes.",
      elapsed = 58,
      vitals = { hr = 84, sbp = 118, dbp = 72, pain = 0 },
      ending = {
        outcome = "neutral",
        summary = "Mr Mensah was reperfused, about 45 minutes later than he could have " ..
                  "been. His echocardiogram shows a moderate posterolateral infarct.",
      },
    },

    lysis = {
      title = "Fibrinolysis",
      text = "He is transferred to the PCI centre after fibrinolysis and has angiography " ..
             "and a stent the same day.",
      elapsed = 360,
      vitals = { hr = 86, sbp = 126, dbp = 74, pain = 1 },
      ending = {
        outcome = "neutral",
        summary = "He reperfused, but fibrinolysis carried a bleeding risk he did not " ..
                  "need to take: primary PCI was available within the time NICE NG185 sets.",
      },
    },

    arrest = {
      title = "Cardiac arrest",
      text = "Forty minutes later, still in pain on the coronary care unit, he becomes " ..
             "unresponsive. The monitor shows ventricular fibrillation. He is defibrillated " ..
             "once and regains a pulse, then goes for emergency angiography.",
      elapsed = 40,
      vitals = { hr = 118, sbp = 92, dbp = 58, rr = 24, spo2 = 93, o2 = "15 L/min reservoir mask",
                 avpu = "V" },
      ending = {
        outcome = "harm",
        summary = "Mr Mensah survived a VF arrest. The circumflex occlusion was opened late " ..
                  "and he has a large posterolateral infarct with reduced ejection fraction.",
      },
    },
  },
}
