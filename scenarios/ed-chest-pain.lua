-- No ST elevation: the ECG reader that was right.
-- Emergency department. The advice is right at the first two decisions, and
-- trainees tend to overrule it because the standard 12 leads show no ST
-- elevation. At the third it calls a benign reperfusion rhythm ventricular
-- tachycardia (a false positive): right twice is not right always. In "ai"
-- the rhythm label comes from the 12-lead occlusion classifier, whose model
-- card puts rhythm labels outside its intended use (out of scope); in
-- "colleague" the same advice comes from the cardiology registrar on the
-- phone, in a person's words and without weighted reasons, so a cohort can
-- compare reliance on the two. Pain going through to the back in a
-- hypertensive smoker is weighed for aortic dissection before any
-- antiplatelet; the history and examination make it unlikely.
local models = include("models")
local variants = include("variants")

local source = variants.pick { ai = "AI", colleague = "Cardiology registrar (phone)" }
local adviser = variants.pick { ai = "ECG-Insight", colleague = "The registrar" }

-- What happened to the rhythm on the way, for the endings.
local function rhythm_note(s)
  if s.choices.awaiting == "amiodarone" then
    return " Amiodarone for a reperfusion rhythm dropped his blood pressure to 84/50 " ..
           "on the way, which needed fluid and a slower journey."
  elseif s.choices.awaiting == "cardiovert" then
    return " Sedation and cardioversion for a benign reperfusion rhythm added risk and " ..
           "20 minutes to his transfer."
  end
  return ""
end

-- Minutes the rhythm treatment added to the transfer.
local function rhythm_delay(s)
  if s.choices.awaiting == "cardiovert" then return 20 end
  if s.choices.awaiting == "amiodarone" then return 10 end
  return 0
end

-- He arrived at 21:30; the case clock starts at 21:40.
local function door_to_balloon(s)
  return "Door-to-balloon time was " .. math.floor(s.clock + 10) .. " minutes."
end

return case {
  format = 1,
  id = "ed-chest-pain",
  version = "2.0",
  title = "No ST elevation on the triage ECG",
  summary = "A 58-year-old man has 50 minutes of crushing central chest pain. His ECG " ..
            "shows ST depression but no ST elevation. Decide what the ECG means, how to " ..
            "reperfuse him, and what to make of a new rhythm.",
  objectives = {
    "Consider aortic dissection before giving antiplatelets for chest pain that goes " ..
      "through to the back",
    "Recognise ST depression in V1-V3 with dominant R waves as a possible posterior STEMI",
    "Use posterior leads V7-V9 to confirm, and choose reperfusion as NICE NG185 sets out",
    "Notice the pull to overrule correct advice that contradicts a first impression",
    "Check that advice comes from a source able to give it",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG185 (2020, updated 2024) Acute coronary syndromes",
    "NICE CG95 (2010, updated 2016) Recent-onset chest pain of suspected cardiac origin: " ..
      "assessment and diagnosis",
    "Byrne RA et al. (2023) ESC Guidelines for the management of acute coronary " ..
      "syndromes. Eur Heart J 44:3720-3826",
    "Royal College of Emergency Medicine (2024) Diagnosis of thoracic aortic dissection " ..
      "in the emergency department",
    "Healthcare Safety Investigation Branch. Delayed recognition of acute aortic " ..
      "dissection (national investigation report)",
    "Resuscitation Council UK (2021) Adult advanced life support guidelines",
  },
  tags = { "emergency", "cardiology", "ecg" },
  minutes = 8,
  variants = { "ai", "colleague" },
  x_setting = "emergency",
  x_profession = "doctor",
  x_tool_types = { "classifier" },
  x_failure_modes = { "ai_right", "false_positive", "out_of_scope" },
  x_ai_errors = { "*/awaiting false_positive" },

  patient = {
    name = "David Mensah", age = 58, sex = "M",
    setting = "Emergency department, majors (arrived 21:30)",
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
              "waves (R/S > 1 in V2) and upright T waves. No ST elevation. No LBBB.",
      image = {
        file = "images/ed-chest-pain-ecg.png",
        alt = "12-lead ECG at 25 mm/s and 10 mm/mV, with a rhythm strip of lead II. " ..
              "Regular sinus rhythm at about 96/min with narrow QRS complexes. In V1-V3 " ..
              "the ST segments are flat and about 2 mm below the baseline, the R waves are " ..
              "tall (in V2 taller than the S wave is deep) and the T waves are upright. No " ..
              "ST elevation in any lead.",
      } },
    { name = "Capillary glucose", value = 9.4, unit = "mmol/L", flag = "high" },
  },

  ai = models.card("ecg", {
    limitations = {
      "Not validated with paced rhythms or left bundle branch block",
      "Not for people under 18",
      "Reads the ECG only: it does not use symptoms, examination or troponin",
      "Most false positives are left ventricular hypertrophy and early repolarisation",
      "Rhythm labels are outside its intended use: it was not trained or validated to " ..
        "classify arrhythmias",
    },
  }),

  start_time = "21:40",       -- the time of day at the start; the header adds the case clock
  start = "arrival",
  nodes = {
    arrival = {
      title = "Majors bay 6",
      text = "Mr Mensah is pale, clammy and holding his chest. The pain came on at rest " ..
             "50 minutes ago, 7 out of 10, radiating to his back. He has had no pain " ..
             "like it before.\n\nWith pain through to the back in a hypertensive smoker, " ..
             "you ask and examine for an aortic dissection before anything else. The pain " ..
             "built up over a few minutes; he calls it a tight band, not tearing, and it " ..
             "has not moved. His blood pressure is 152/90 in the right arm and 150/88 in " ..
             "the left, both radial pulses are easy to feel, there is no new murmur and no " ..
             "weakness or numbness.\n\nYou are the emergency medicine registrar. The " ..
             "triage nurse hands you his ECG, recorded two minutes ago.",
      next = "ecg_read",
    },

    ecg_read = {
      title = "The triage ECG",
      text = variants.pick {
        ai = "The ECG is in the results panel. There is no ST elevation in any of the 12 " ..
             "standard leads. ECG-Insight has read it.",
        colleague = "The ECG is in the results panel. There is no ST elevation in any of " ..
                    "the 12 standard leads. The triage nurse has already sent it to the " ..
                    "cardiology registrar, who rings you back.",
      },
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
          { id = "ct_aorta", label = "Hold aspirin and request a CT aortogram before " ..
                                      "anything else", next = "delay" },
        },
        best = { "posterior" },
        advice = variants.advice({ recommend = "posterior", timing = "with_case",
                                   source = source }, {
          ai = {
            confidence = 0.87,
            message = "Posterior STEMI pattern: ST depression V1-V3 with dominant R waves " ..
                      "and upright T waves. Record V7-V9 and discuss for immediate " ..
                      "reperfusion.",
            reasons = {
              { "ST depression 2 mm, maximal in V2-V3", 0.36 },
              { "R/S ratio > 1 in V2", 0.21 },
              { "Upright T waves in V1-V3", 0.14 },
              { "No ST elevation in standard leads", -0.08 },
            },
          },
          colleague = {
            message = "\"That's a posterior MI until proved otherwise - the ST depression " ..
                      "is all in V1 to V3, with those tall R waves. Get V7 to V9 on now " ..
                      "and ring me straight back.\"",
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          posterior = "ST depression maximal in V1-V3, with dominant R waves and upright T " ..
                      "waves, is the mirror image of ST elevation in the posterior wall; " ..
                      "posterior leads take minutes and settle it. The advice read the " ..
                      "pattern that the 12 standard leads hide.",
          nste_acs = "Widespread ST depression suggests subendocardial ischaemia, but " ..
                     "depression confined to V1-V3 with tall R waves and upright T waves is " ..
                     "the mirror image of posterior ST elevation: it asks for V7-V9 before " ..
                     "the label NSTE-ACS. The advice named that pattern; \"no ST elevation\" " ..
                     "in the standard leads is what it looks like.",
          troponin = "A troponin does not tell you whether this is a posterior STEMI, and " ..
                     "waiting for one leaves the question open for an hour. ST depression " ..
                     "maximal in V1-V3 with tall R waves asks for posterior leads V7-V9 now, " ..
                     "as the advice said.",
          ct_aorta = "Thinking of dissection first was right, but his history and examination " ..
                     "made it unlikely: a tight band that built up over minutes, not tearing " ..
                     "or moving, equal arm pressures and pulses, no new murmur, no " ..
                     "neurological signs. Imaging first delays the posterior leads the ECG " ..
                     "is asking for.",
        },
      },
      debrief = function(s)
        return adviser(s) .. " was right. ST depression confined to V1-V3, with tall R " ..
               "waves and upright T waves, is the mirror image of ST elevation in the " ..
               "posterior wall. The ESC 2023 guideline treats ST depression of 0.5 mm or " ..
               "more in V1-V3 with ST elevation of 0.5 mm or more in V7-V9 as a STEMI " ..
               "equivalent needing immediate reperfusion. The cue a careful clinician uses " ..
               "is where the ST depression is: widespread depression suggests " ..
               "subendocardial ischaemia, but depression maximal in V1-V3 asks for " ..
               "posterior leads. Overruling advice because the standard leads show no ST " ..
               "elevation is the error this case is built to show. Before any antiplatelet, " ..
               "pain going through to the back in a hypertensive smoker should make you " ..
               "think of aortic dissection: RCEM teaching is to withhold antiplatelets, " ..
               "heparin and thrombolysis when dissection is suspected and to image the " ..
               "aorta first, and a dissection can itself produce ischaemic ECG changes. " ..
               "Here the gradual, tight pain, equal arm pressures and pulses and normal " ..
               "neurology made it unlikely, so a CT aortogram first would have delayed " ..
               "reperfusion without changing the plan."
      end,
    },

    delay = {
      title = "Forty minutes later",
      text = function(s)
        local first = "Mr Mensah has had aspirin 300 mg."
        if s.choices.ecg_read == "ct_aorta" then
          first = "The CT aortogram shows a normal aorta with no dissection, and Mr Mensah " ..
                  "is given aspirin 300 mg on his return."
        end
        return first .. " His pain is still 6 out of 10 despite two sprays of GTN. The " ..
               "0-hour high-sensitivity troponin T is back.\n\nThe ED consultant looks at " ..
               "the ECG, asks for posterior leads and they are recorded."
      end,
      elapsed = function(s)
        return s.choices.ecg_read == "ct_aorta" and 50 or 40
      end,
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
        local read = "ECG-Insight has read the posterior leads."
        if s.variant == "colleague" then
          read = "You read the posterior leads to the cardiology registrar on the phone."
        end
        return "The posterior leads are in the results panel. The primary PCI centre is " ..
               "25 minutes away by ambulance and its catheter laboratory is open. His " ..
               "pain began " .. (50 + s.clock) .. " minutes ago. " .. read
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
        advice = variants.advice({ recommend = "ppci", timing = "after_initial",
                                   source = source }, {
          ai = {
            confidence = 0.95,
            message = "Posterior STEMI confirmed: ST elevation of 0.5 mm or more in V7-V9. " ..
                      "Activate primary PCI.",
            reasons = {
              { "ST elevation 1 mm in V8-V9", 0.41 },
              { "ST depression V1-V3 (reciprocal)", 0.22 },
              { "Symptom onset under 12 hours", 0.10 },
            },
          },
          colleague = {
            message = "\"V8 and V9 are up a millimetre - that's your posterior STEMI. " ..
                      "Activate primary PCI and get him on the road to us now.\"",
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        time_limit = 120,
        on_timeout = "arrest",
        feedback = {
          ppci = "ST elevation of 0.5 mm or more in V7-V9 makes this a STEMI equivalent. He " ..
                 "is well within 12 hours of onset and the PCI centre is 25 minutes away with " ..
                 "its laboratory open, so primary PCI can be delivered within 120 minutes of " ..
                 "when fibrinolysis could be given: NICE NG185 makes it the preferred " ..
                 "reperfusion.",
          lysis = "NICE NG185 keeps fibrinolysis for STEMI when primary PCI cannot be " ..
                  "delivered within 120 minutes of when fibrinolysis could be given. With an " ..
                  "open laboratory 25 minutes away it can, so fibrinolysis adds a bleeding risk " ..
                  "he did not need to take.",
          wait = "The posterior leads show ST elevation: this is a STEMI equivalent, " ..
                 "diagnosed from the ECG and the story, not from a troponin. Waiting an hour " ..
                 "on the coronary care unit leaves the artery shut while the advice pointed " ..
                 "to reperfusion now.",
        },
      },
      debrief = "The advice was right again. The posterior leads meet the STEMI-equivalent " ..
                "criterion (0.5 mm or more in V7-V9). NICE NG185 makes primary PCI the " ..
                "preferred reperfusion for STEMI within 12 hours of onset when it can be " ..
                "delivered within 120 minutes of the time fibrinolysis could have been " ..
                "given, as here. Fibrinolysis is for when it cannot. Waiting for troponin " ..
                "delays reperfusion: a STEMI is diagnosed from the ECG and the story, not " ..
                "from a troponin. For teaching, the case simplifies the transfer and omits " ..
                "the second antiplatelet and anticoagulant choices.",
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
        local read = " The nurse records a 12-lead ECG of the new rhythm, and ECG-Insight " ..
                     "reads it."
        if s.variant == "colleague" then
          read = " The nurse reads the rhythm strip down the phone to the cardiology " ..
                 "registrar."
        end
        return before .. " Suddenly his pain eases to 2 out of 10. The monitor shows a " ..
               "regular broad-complex rhythm at 78/min, with P waves marching through " ..
               "independently. He is talking, BP 132/80, and feels better than he has all " ..
               "evening." .. read
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
          { id = "amiodarone", label = "Treat as ventricular tachycardia: start an " ..
                                       "amiodarone 300 mg IV loading infusion" },
          { id = "observe", label = "Treat as a reperfusion rhythm: no antiarrhythmic, " ..
                                    "keep monitoring and carry on" },
          { id = "cardiovert", label = "Treat as ventricular tachycardia: sedate and give " ..
                                       "synchronised DC cardioversion" },
        },
        next = function(s)
          if s.choices.reperfusion == "lysis" then return "lysis" end
          return s.choices.ecg_read == "posterior" and "ppci_prompt" or "ppci_late"
        end,
        best = { "observe" },
        advice = variants.advice({ recommend = "amiodarone", timing = "with_case",
                                   source = source }, {
          ai = {
            confidence = 0.83,
            message = "RHYTHM: ventricular tachycardia. Consider antiarrhythmic treatment " ..
                      "or synchronised DC cardioversion.",
            reasons = {
              { "QRS duration 150 ms", 0.41 },
              { "AV dissociation", 0.27 },
              { "Rate 78 /min", -0.06 },
            },
          },
          colleague = {
            message = "\"Broad complexes with AV dissociation - that's VT. Start " ..
                      "amiodarone, and if his pressure drops, sedate him and shock him.\"",
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = function(s)
          local cue
          if s.variant == "colleague" then
            cue = " The registrar was working from a description read down the phone; the " ..
                  "rate and the comfortable patient were in front of you."
          else
            cue = " ECG-Insight's card puts rhythm labels outside its intended use, and its " ..
                  "own reasons counted the rate against ventricular tachycardia."
          end
          local aivr = "A regular broad rhythm at 78/min, competing with sinus rhythm as his " ..
                       "pain eases, is an accelerated idioventricular rhythm: a usually " ..
                       "self-limiting sign of reperfusion, not a tachycardia."
          return {
            observe = aivr .. " No antiarrhythmic is needed; keep monitoring and carry on " ..
                      "with the transfer." .. cue,
            amiodarone = aivr .. " Amiodarone treats a rhythm that needs no treatment, can " ..
                         "drop his blood pressure and could suppress the only ventricular " ..
                         "rhythm if sinus slows." .. cue,
            cardiovert = aivr .. " The Resuscitation Council UK algorithm keeps synchronised " ..
                         "shocks for a tachycardia with adverse features; he has neither, and " ..
                         "sedation adds risk and delays his transfer." .. cue,
          }
        end,
      },
      debrief = function(s)
        local head, cue
        if s.variant == "colleague" then
          head = "Here the registrar was wrong: a false positive inviting a needless " ..
                 "treatment."
          cue = " The registrar was working from a description read down the phone; the " ..
                "careful cue was the rate, which was in front of you."
        else
          head = "This time ECG-Insight was wrong: a false positive inviting a needless " ..
                 "treatment."
          cue = " The careful cue was the rate, which the explanation itself scored as " ..
                "evidence against. And the label came from a tool built to detect coronary " ..
                "occlusion on a 12-lead ECG: its model card puts rhythm labels outside its " ..
                "intended use, because it was never trained or validated to classify " ..
                "arrhythmias. A confident output outside a tool's scope is not evidence."
        end
        return head .. " A regular ventricular rhythm at 78/min, competing with sinus " ..
               "rhythm in a comfortable patient whose pain has just eased, is an " ..
               "accelerated idioventricular rhythm: a common, usually self-limiting sign " ..
               "of reperfusion, spontaneous or after fibrinolysis. It is not a " ..
               "tachycardia, so the tachycardia algorithm does not apply: with a pulse, " ..
               "that algorithm (Resuscitation Council UK) reserves synchronised shocks for " ..
               "tachycardia with adverse features, and gives amiodarone 300 mg IV as an " ..
               "infusion (over 10-20 minutes after failed shocks, more slowly in a stable " ..
               "patient), not as the bolus used in cardiac arrest. Here an antiarrhythmic " ..
               "or cardioversion adds risk (hypotension, and suppressing the only " ..
               "ventricular rhythm if sinus slows) and delays the transfer." .. cue ..
               " Easing pain does not cancel angiography: the artery still needs opening. " ..
               "Advice that was right twice is not right for that reason the third time. " ..
               "For teaching, the rhythm is described in words."
      end,
    },

    ppci_prompt = {
      title = "Catheter laboratory",
      text = function(s)
        return "Angiography shows a dominant left circumflex artery with a tight, " ..
               "thrombotic lesion and sluggish flow, which is stented. " .. door_to_balloon(s)
      end,
      elapsed = function(s) return 58 + rhythm_delay(s) end,
      vitals = { hr = 78, sbp = 128, dbp = 76, pain = 0 },
      ending = {
        outcome = function(s)
          return s.choices.awaiting == "observe" and "good" or "neutral"
        end,
        summary = function(s)
          return "Mr Mensah was reperfused quickly. His echocardiogram shows a small " ..
                 "posterolateral wall motion abnormality with preserved function." ..
                 rhythm_note(s)
        end,
      },
    },

    ppci_late = {
      title = "Catheter laboratory",
      text = function(s)
        return "Angiography shows a dominant left circumflex artery with a tight, " ..
               "thrombotic lesion, which is stented. " .. door_to_balloon(s)
      end,
      elapsed = function(s) return 58 + rhythm_delay(s) end,
      vitals = { hr = 84, sbp = 118, dbp = 72, pain = 0 },
      ending = {
        outcome = "neutral",
        summary = function(s)
          return "Mr Mensah was reperfused more than half an hour later than he could have " ..
                 "been. His echocardiogram shows a moderate posterolateral infarct." ..
                 rhythm_note(s)
        end,
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
        summary = function(s)
          return "He reperfused, but fibrinolysis carried a bleeding risk he did not " ..
                 "need to take: primary PCI was available within the time NICE NG185 " ..
                 "sets." .. rhythm_note(s)
        end,
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
