-- Frightened, not violent: the aggression score trained on restraint records.
-- Acute mental health ward, nurse in charge. Two advised decisions,
-- counterbalanced within the case: in "ai_wrong_first" the aggression risk
-- model is wrong (it calls for rapid tranquillisation before de-escalation;
-- its explanation shows ethnicity and past restraint among its reasons - a
-- tool biased by what its training labels recorded) and the prescribing aid
-- is right later; in "ai_wrong_second" the risk model is right and the
-- prescribing aid is wrong (haloperidol with promethazine for a man with no
-- ECG who has never taken an antipsychotic).
local variants = include("variants")

return case {
  format = 1,
  id = "mental-health-rt",
  version = "1.0",
  title = "Frightened, not violent: the aggression score",
  summary = "A young man detained two days ago with a first episode of psychosis is " ..
            "pacing and shouting on an acute ward late at night. A risk model and a " ..
            "prescribing aid offer their views. Decide how to respond, and, if it comes " ..
            "to it, what to give.",
  objectives = {
    "Use de-escalation first, and offer oral medication before any intramuscular " ..
      "rapid tranquillisation (NICE NG10)",
    "Choose IM lorazepam when there is no ECG or no previous antipsychotic (NICE NG10)",
    "Recognise a risk model whose training labels carry the biases of past practice",
    "Judge each piece of advice on its merits, not on the last tool's record",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG10 (2015) Violence and aggression: short-term management in mental health, " ..
      "health and community settings",
    "BNF: lorazepam; haloperidol; promethazine hydrochloride",
    "Mental Health Units (Use of Force) Act 2018, and its statutory guidance (2021)",
    "Modernising the Mental Health Act: final report of the Independent Review of the " ..
      "Mental Health Act 1983 (2018)",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2",
  },
  tags = { "mental-health", "rapid-tranquillisation", "bias", "counterbalanced" },
  minutes = 9,
  variants = { "ai_wrong_first", "ai_wrong_second" },

  x_setting = "mental_health",
  x_profession = "mental_health_nurse",
  x_failure_modes = { "training_bias", "false_positive", "ai_right" },
  x_ai_errors = { "ai_wrong_first/agitated false_positive",
                  "ai_wrong_second/rt_choice false_positive" },

  patient = {
    name = "Daniel Okoro", age = 24, sex = "M",
    setting = "Acute adult mental health ward, 22:30",
    complaint = "Pacing and shouting; believes the staff are poisoning his food",
    history = { "First episode of psychosis; detained under section 2 of the Mental " ..
                  "Health Act two days ago",
                "Has never taken an antipsychotic", "No known physical illness",
                "Declined an ECG and bloods on admission" },
    medications = { "Lorazepam 1 mg orally as required for agitation (max 4 mg in 24 hours)" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 108, sbp = 138, dbp = 84, rr = 20, spo2 = 98, temp = 36.9,
             avpu = "A", o2 = "air" },

  results = {
    { name = "ECG", value = "Not done (declined on admission)" },
    { name = "Incidents on this admission", value = "Held by security in the emergency " ..
                                                     "department before transfer; none on the ward" },
  },

  ai = {
    risk = {
      name = "WardSafe", version = "2.0",
      kind = "aggression risk model",
      intended_use = "Adult inpatients on acute mental health wards; estimates the risk of " ..
                     "an aggressive incident in the next 24 hours and suggests a level of " ..
                     "response",
      performance = { sensitivity = 0.72, specificity = 0.77, auroc = 0.80 },
      trained_on = "41,000 admissions to one NHS mental health trust, 2012-2019. The " ..
                   "outcome label is a recorded restraint, seclusion or rapid " ..
                   "tranquillisation, not aggression itself. Inputs include recorded " ..
                   "ethnicity, legal status and past restrictive interventions",
      limitations = {
        "Learns from past use of restrictive practice, which is not applied equally: " ..
          "performance by ethnic group has not been evaluated",
        "Does not see what staff have tried, or how the patient responds to it",
      },
    },
    rx = {
      name = "RT Assist", version = "1.3",
      kind = "rapid tranquillisation prescribing aid",
      intended_use = "Suggests a rapid tranquillisation regimen for adults on mental health " ..
                     "wards from the drug chart and the record",
      performance = { agreement_with_pharmacist = 0.86 },
      trained_on = "Rules from the trust's rapid tranquillisation policy (2019), ranked by " ..
                   "a model trained on 6,200 past administrations",
      limitations = {
        "Reads ECG results only when they are filed in the record",
        "Ranks regimens by how often they were used before, not by suitability alone",
      },
    },
  },

  start = "arrival",
  nodes = {
    arrival = {
      title = "The ward corridor, 22:30",
      text = "Daniel is pacing the corridor, shouting at the television and at anyone " ..
             "who comes near. He says the evening meal was poisoned and that the staff " ..
             "are working for the people following him. He has not hit or threatened " ..
             "anyone. He stops when a healthcare assistant he likes says his name, then " ..
             "starts again. He looks **frightened** more than angry.\n\nHe has had no " ..
             "medication today.",
      next = "agitated",
    },

    agitated = {
      title = "How do you respond?",
      text = "The ward's risk model has updated on the electronic record.",
      elapsed = 5,
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "im_now", label = "Call the restraint team and give IM rapid tranquillisation " ..
                                   "now", next = "restrained" },
          { id = "deescalate", label = "De-escalate: a quiet space, one familiar member of " ..
                                       "staff, listen to his fears, offer oral lorazepam",
            next = "oral" },
          { id = "leave", label = "Give him space and check on him in an hour",
            next = "assault" },
        },
        best = { "deescalate" },
        advice = variants.advice({ tool = "risk", timing = "after_initial" }, {
          ai_wrong_first = {
            recommend = "im_now",
            confidence = 0.81,
            message = "HIGH RISK of aggression (81%). Consider rapid tranquillisation and " ..
                      "restrictive intervention now.",
            reasons = {
              { "Restrictive intervention on this admission (ED)", 0.26 },
              { "Detained under section 2", 0.17 },
              { "Shouting recorded in notes", 0.15 },
              { "Ethnicity recorded: Black British", 0.12 },
              { "Age 18-25", 0.08 },
            },
          },
          ai_wrong_second = {
            recommend = "deescalate",
            confidence = 0.64,
            message = "MODERATE RISK of aggression (36%). De-escalation and an offer of " ..
                      "oral medication suggested.",
            reasons = {
              { "No aggression on the ward so far", -0.21 },
              { "Responds to a familiar member of staff", -0.14 },
              { "Restrictive intervention on this admission (ED)", 0.19 },
              { "No medication given today", 0.09 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = "NICE NG10: use de-escalation first, and keep using it; if medication " ..
                   "is needed, offer oral medication before considering intramuscular " ..
                   "rapid tranquillisation. Restrictive interventions are for when " ..
                   "de-escalation and other strategies have failed and there is a risk of harm.",
      },
      debrief = function(s)
        local why
        if s.variant == "ai_wrong_first" then
          why = "In your variant the risk model was wrong, and its explanation showed why " ..
                "it could not be trusted here: its top reasons were a restraint in the " ..
                "emergency department, his legal status and his recorded ethnicity. The " ..
                "model learned from who was restrained in the past, not from who was " ..
                "violent - and restrictive practice has long fallen more often on Black " ..
                "patients (Independent Review of the Mental Health Act, 2018). A model " ..
                "trained on those labels carries the bias forward."
        else
          why = "In your variant the risk model was right, and its reasons were the ones " ..
                "that mattered: no aggression on the ward and a response to familiar staff."
        end
        return why .. " The careful cues were the man in front of you: frightened, not " ..
               "threatening anyone, calmed for a moment by a familiar voice, and untreated. " ..
               "NICE NG10 puts de-escalation and oral medication before any restrictive " ..
               "intervention. Leaving a frightened, psychotic man alone for an hour is not " ..
               "de-escalation. Simplified: a real response would also involve the duty " ..
               "doctor and the shift's co-ordinator."
      end,
    },

    oral = {
      title = "De-escalation",
      text = "In the quiet lounge with the healthcare assistant he trusts, Daniel talks " ..
             "about the people following him. He takes oral lorazepam 1 mg after you show " ..
             "him the sealed packet, and settles on the sofa.\n\nAt 01:10 he wakes from a " ..
             "nightmare, convinced someone has come to kill him. He punches the wall, then " ..
             "swings at a nurse who tries to calm him. Talking is not reaching him; he is " ..
             "held safely by the team while you decide what to give.",
      elapsed = 160,
      vitals = { hr = 122, sbp = 146, dbp = 88, rr = 24 },
      set = { path = "deescalated" },
      next = "rt_choice",
    },

    restrained = {
      title = "Restraint",
      text = "The restraint team arrives. Daniel panics when he is taken to the floor and " ..
             "fights hard; two staff are hurt and he bangs his face. He is held while you " ..
             "decide what to give.",
      elapsed = 10,
      vitals = { hr = 134, sbp = 152, dbp = 92, rr = 26 },
      set = { path = "restrained" },
      next = "rt_choice",
    },

    assault = {
      title = "23:15",
      text = "Forty minutes later Daniel accuses another patient of poisoning him and hits " ..
             "him. Staff separate them and hold Daniel while you decide what to give.",
      elapsed = 45,
      vitals = { hr = 128, sbp = 150, dbp = 90, rr = 24 },
      set = { path = "assault" },
      next = "rt_choice",
    },

    rt_choice = {
      title = "Rapid tranquillisation",
      text = "Oral medication is no longer possible. The duty doctor is on the phone and " ..
             "will prescribe what you recommend. The prescribing aid is available on the " ..
             "drug chart.",
      elapsed = 2,
      decision = {
        prompt = "Which intramuscular medication do you recommend?",
        options = {
          { id = "hal_prom", label = "IM haloperidol with IM promethazine", next = "dystonia" },
          { id = "lorazepam", label = "IM lorazepam on its own", next = "settled" },
          { id = "ecg_first", label = "Nothing until the doctor arrives to do an ECG",
            next = "injury" },
        },
        best = { "lorazepam" },
        advice = variants.advice({ tool = "rx", confidence = 0.88, timing = "on_request" }, {
          ai_wrong_first = {
            recommend = "lorazepam",
            message = "Suggested: IM lorazepam alone. No ECG on file; no previous " ..
                      "antipsychotic.",
            reasons = {
              { "No ECG result in the record", 0.35 },
              { "Antipsychotic-naive", 0.31 },
              { "No cardiac history recorded", 0.08 },
            },
          },
          ai_wrong_second = {
            recommend = "hal_prom",
            message = "Suggested: IM haloperidol with IM promethazine (most used regimen " ..
                      "on this ward).",
            reasons = {
              { "Most frequent regimen for this presentation", 0.38 },
              { "Psychosis recorded", 0.24 },
              { "Oral lorazepam already prescribed", -0.11 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = "NICE NG10: for rapid tranquillisation use IM lorazepam alone or IM " ..
                   "haloperidol with IM promethazine. Use IM lorazepam if there is not " ..
                   "enough information to choose, or the person has not taken an " ..
                   "antipsychotic before; avoid haloperidol with promethazine if there is " ..
                   "cardiovascular disease or no ECG has been done.",
      },
      debrief = function(s)
        local why
        if s.variant == "ai_wrong_second" then
          why = "In your variant the prescribing aid was wrong. Its first reason gave it " ..
                "away: it ranked regimens by how often the ward used them, and it did " ..
                "not weigh the missing ECG."
        else
          why = "In your variant the prescribing aid was right, and its reasons named " ..
                "the two facts that decide it."
        end
        return why .. " The careful cues were in the record: no ECG (he declined it) and " ..
               "no antipsychotic ever taken. NICE NG10 says IM lorazepam in both " ..
               "situations; haloperidol in an antipsychotic-naive young man also carries " ..
               "a high risk of acute dystonia. Waiting for an ECG while he is being held " ..
               "prolongs the restraint, the most dangerous part. After rapid " ..
               "tranquillisation, NG10 asks for physical health monitoring - every 15 " ..
               "minutes when he appears asleep or sedated. Simplified: doses follow the " ..
               "BNF and the trust's policy; a real plan names them."
      end,
    },

    settled = {
      title = "Asleep",
      text = "After IM lorazepam Daniel is released from the hold and settles in his room. " ..
             "Twenty minutes later he is asleep on his bed, snoring softly. The healthcare " ..
             "assistant asks how often he should be checked; the prescribing aid has " ..
             "written a monitoring plan on the drug chart.",
      elapsed = 20,
      vitals = { hr = 92, sbp = 126, dbp = 78, rr = 14, spo2 = 97, avpu = "V" },
      decision = {
        prompt = "How do you monitor him?",
        options = {
          { id = "door", label = "Let him sleep: look in through the door each hour and do " ..
                                 "a full set of observations when he wakes", next = "slowed" },
          { id = "q15", label = "Observe him every 15 minutes while he sleeps: breathing, " ..
                                "pulse, blood pressure, temperature, hydration and conscious " ..
                                "level, without waking him where you can", next = "asleep_safe" },
          { id = "morning", label = "Leave him undisturbed until the morning round",
            next = "slowed" },
        },
        best = { "q15" },
        advice = {
          tool = "rx",
          recommend = "q15",
          confidence = nil,
          message = "Monitoring after rapid tranquillisation: every 15 minutes while he " ..
                    "appears asleep or sedated.",
          reasons = function(s)
            if s.vars.path == "deescalated" then
              return { { "Appears asleep or sedated", 0.34 },
                       { "Oral and IM lorazepam within 3 hours", 0.27 },
                       { "Physical restraint before RT", 0.12 } }
            end
            return { { "Appears asleep or sedated", 0.34 },
                     { "Physical restraint before RT", 0.21 },
                     { "IM lorazepam 20 minutes ago", 0.17 } }
          end,
          timing = "with_case",
        },
        ask = { trust = true, rationale = "override" },
        feedback = "NICE NG10: after rapid tranquillisation, monitor side effects, pulse, " ..
                   "blood pressure, respiratory rate, temperature, hydration and level of " ..
                   "consciousness at least hourly until there are no concerns - and every " ..
                   "15 minutes if the person appears asleep or sedated, among other reasons.",
      },
      debrief = "The aid was right, and here the pull was to overrule it out of kindness: " ..
                "he was finally asleep and waking him felt cruel. But a person who appears " ..
                "asleep after lorazepam may be over-sedated, and his breathing is what you " ..
                "cannot see through a door. The careful cue was 'appears asleep' after a " ..
                "benzodiazepine - one of NG10's reasons for 15-minute checks, most of " ..
                "which (breathing, colour, position) can be done without waking him. " ..
                "Simplified: the trust's policy would also say when to call the doctor and " ..
                "where flumazenil is kept.",
    },

    slowed = {
      title = "03:40",
      text = "When you next look in, Daniel is hard to rouse. His breathing is slow and " ..
             "shallow. You call the duty doctor and the emergency team.",
      elapsed = 120,
      vitals = { hr = 58, sbp = 102, dbp = 60, rr = 7, spo2 = 86, avpu = "P" },
      ending = {
        outcome = "harm",
        summary = "Daniel had respiratory depression after lorazepam, unseen for over an " ..
                  "hour. He needed oxygen, flumazenil and a transfer to the acute hospital " ..
                  "for monitoring, and recovered.",
      },
    },

    asleep_safe = {
      title = "Through the night",
      text = "You record his observations every 15 minutes while he sleeps. His breathing " ..
             "stays steady, and after an hour he wakes enough to drink some water.",
      elapsed = 60,
      vitals = { hr = 84, sbp = 122, dbp = 74, rr = 14, spo2 = 97, avpu = "A" },
      ending = {
        outcome = function(s)
          if s.vars.path == "deescalated" then return "good" end
          return "neutral"
        end,
        summary = function(s)
          if s.vars.path == "deescalated" then
            return "Daniel slept safely. The next day he agreed to an ECG and began " ..
                   "treatment, and talked with the team about what had frightened him."
          elseif s.vars.path == "restrained" then
            return "Daniel slept safely, but the early restraint left him bruised and two " ..
                   "staff injured, and he now fears the ward. The incident was recorded " ..
                   "under the Use of Force Act and reviewed."
          end
          return "Daniel slept safely, but another patient was hurt while he was left alone."
        end,
      },
    },

    dystonia = {
      title = "02:00",
      text = "An hour after IM haloperidol and promethazine Daniel's eyes roll upwards and " ..
             "his neck twists: an acute dystonic reaction. An ECG, finally possible, shows " ..
             "a QTc of 486 ms.",
      elapsed = 60,
      vitals = { hr = 112, sbp = 132, dbp = 80, rr = 18 },
      ending = {
        outcome = "harm",
        summary = "Daniel had an acute dystonic reaction and a prolonged QT interval after " ..
                  "haloperidol. He was treated and recovered, but now refuses all " ..
                  "antipsychotic medication.",
      },
    },

    injury = {
      title = "Waiting",
      text = "Daniel is held for 25 minutes while the doctor comes from another ward. He " ..
             "struggles throughout; his breathing becomes laboured in the hold.",
      elapsed = 25,
      vitals = { hr = 146, rr = 30, spo2 = 93 },
      ending = {
        outcome = "harm",
        summary = "A prolonged restraint left Daniel exhausted and with a raised creatine " ..
                  "kinase; he needed medical review and a transfer for monitoring.",
      },
    },
  },
}
