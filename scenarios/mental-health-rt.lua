-- Pacing at night: the aggression score trained on restraint records.
-- Acute mental health ward, nurse in charge. Two advised decisions,
-- counterbalanced within the case: in "ai_wrong_first" the aggression risk
-- model is wrong (it calls for restraint and intramuscular medication before
-- de-escalation; its reasons are a past restraint, police conveyance and
-- detention - proxies through which ethnicity enters a model trained on who
-- was restrained) and the prescribing aid is right later; in
-- "ai_wrong_second" the risk model is right and the prescribing aid is wrong
-- (haloperidol with promethazine for a man with no ECG who has never taken
-- an antipsychotic). De-escalation works: on that path the prescribing
-- decision is the plan written up for the night, and no incident follows.
-- The monitoring decision after intramuscular medication is advised right
-- in both variants.
local variants = include("variants")

-- The wall-clock time (the case starts at 22:30), `before` minutes before
-- the case clock.
local function at(s, before)
  local m = (22 * 60 + 30 + s.clock - (before or 0)) % 1440
  return string.format("%02d:%02d", m // 60, m % 60)
end

-- Minutes from the case clock to the next hh:mm.
local function until_time(s, hh, mm)
  local now = (22 * 60 + 30 + s.clock) % 1440
  return (hh * 60 + mm - now) % 1440
end

return case {
  format = 1,
  id = "mental-health-rt",
  version = "2.0",
  title = "Pacing at night: an aggression score and a prescribing aid",
  summary = "A young man detained two days ago with a first episode of psychosis is " ..
            "pacing and shouting on an acute ward late at night. A risk model and a " ..
            "prescribing aid offer their views. Decide how to respond, and, if it comes " ..
            "to it, what to give.",
  objectives = {
    "Use de-escalation first, and offer oral medication before any intramuscular " ..
      "rapid tranquillisation (NICE NG10)",
    "Choose IM lorazepam when there is too little information to choose, or no previous " ..
      "antipsychotic (NICE NG10)",
    "Recognise how a risk model's inputs and training labels can carry the biases of " ..
      "past practice",
    "Monitor a person after rapid tranquillisation as NICE and the trust's policy set " ..
      "out, asleep or not",
    "Judge each piece of advice on its merits, not on the last tool's record",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG10 (2015) Violence and aggression: short-term management in mental health, " ..
      "health and community settings",
    "NICE QS154 Violent and aggressive behaviours in people with mental health problems " ..
      "(quality statement 4: monitoring after rapid tranquillisation)",
    "BNF: lorazepam; haloperidol; promethazine hydrochloride",
    "Mental Health Units (Use of Force) Act 2018, and its statutory guidance (Department " ..
      "of Health and Social Care, 2021)",
    "Modernising the Mental Health Act: increasing choice, reducing compulsion. Final " ..
      "report of the Independent Review of the Mental Health Act 1983 (2018)",
    "Halvorsrud K et al. (2018) Ethnic inequalities and pathways to care in psychosis in " ..
      "England: a systematic review and meta-analysis. BMC Med 16:223",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2",
  },
  tags = { "mental-health", "psychosis", "inpatient", "medicines" },
  minutes = 9,
  variants = { "ai_wrong_first", "ai_wrong_second" },

  x_setting = "mental_health",
  x_profession = "mental_health_nurse",
  x_tool_types = { "risk_score", "decision_support" },
  x_failure_modes = { "training_bias", "false_positive", "ai_right" },
  x_ai_errors = { "ai_wrong_first/agitated false_positive",
                  "ai_wrong_second/rt_choice false_positive" },

  patient = {
    name = "Daniel Okoro", age = 24, sex = "M",
    setting = "Acute adult mental health ward",
    complaint = "Pacing and shouting; believes the staff are poisoning his food",
    history = { "First episode of psychosis; brought to the emergency department by " ..
                  "police under section 136 two days ago, then detained under section 2 " ..
                  "of the Mental Health Act",
                "Recorded ethnicity: Black British",
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
                   "tranquillisation, not aggression itself. Recorded ethnicity was held in " ..
                   "the training data; inputs include legal status, route to hospital " ..
                   "(including police involvement) and past restrictive interventions",
      limitations = {
        "Learns from past use of restrictive practice, which is not applied equally: " ..
          "police involvement, detention and past restraint are all recorded more often " ..
          "for Black patients, so they can carry ethnicity into the score; performance by " ..
          "ethnic group has not been evaluated",
        "Does not see what staff have tried, or how the patient responds to it",
      },
    },
    rx = {
      name = "RT Assist", version = "1.3",
      kind = "rapid tranquillisation prescribing aid",
      intended_use = "Suggests a rapid tranquillisation regimen, and the monitoring after " ..
                     "it, for adults on mental health wards from the drug chart and the record",
      performance = { agreement_with_pharmacist = 0.86 },
      trained_on = "Rules from the trust's rapid tranquillisation policy (2019), ranked by " ..
                   "a model trained on 6,200 past administrations",
      limitations = {
        "Reads ECG results only when they are filed in the record",
        "Ranks regimens by how often they were used before, not by suitability alone",
      },
    },
  },

  start_time = "22:30",       -- the time of day at the start; the header adds the case clock
  start = "arrival",
  nodes = {
    arrival = {
      title = "The ward corridor, 22:30",
      text = "Daniel is pacing the corridor, shouting at the television and at anyone " ..
             "who comes near. He says the evening meal was poisoned and that the staff " ..
             "are working for the people following him. He has not hit or threatened " ..
             "anyone. He stops when a healthcare assistant he likes says his name, then " ..
             "starts again. He looks frightened more than angry.\n\nHe has had no " ..
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
          { id = "im_now", label = "Call the restraint team, hold him safely and give " ..
                                   "intramuscular medication now", next = "restrained" },
          { id = "deescalate", label = "Take him to a quiet room with the assistant he " ..
                                       "trusts, listen, and offer oral lorazepam",
            next = "oral" },
          { id = "leave", label = "Give him space: clear the corridor, and check on him in " ..
                                  "an hour when he has calmed", next = "assault" },
        },
        best = { "deescalate" },
        -- WardSafe reports a risk with its percentage; it shows no separate confidence.
        advice = variants.advice({ tool = "risk", timing = "after_initial" }, {
          ai_wrong_first = {
            recommend = "im_now",
            message = "HIGH RISK of aggression (81%). Consider rapid tranquillisation and " ..
                      "restrictive intervention now.",
            reasons = {
              { "Restrictive intervention on this admission (held by security in ED)", 0.26 },
              { "Brought to hospital by police (section 136)", 0.18 },
              { "Detained under section 2", 0.15 },
              { "Shouting recorded in notes", 0.13 },
              { "Age 18-25", 0.08 },
            },
          },
          ai_wrong_second = {
            recommend = "deescalate",
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
        feedback = function(s)
          local cue
          if s.variant == "ai_wrong_first" then
            cue = " The risk model's top reasons (a restraint in the emergency department, " ..
                  "the police, his detention) reflect who was restrained, not who was " ..
                  "violent, and can carry ethnicity into the score."
          else
            cue = " The risk model's reasons were the ones that mattered: no aggression on " ..
                  "the ward, and a response to a familiar member of staff."
          end
          return {
            deescalate = "He is frightened, has threatened no one, and calms for a moment at " ..
                         "a familiar voice: NICE NG10 puts de-escalation first, and oral " ..
                         "medication before any intramuscular rapid tranquillisation." .. cue,
            im_now = "Restrictive interventions are for when de-escalation and other " ..
                     "strategies have failed and there is a risk of harm (NICE NG10). Nothing " ..
                     "has been tried, he has threatened no one, and restraint itself brings " ..
                     "the struggle in which people are hurt." .. cue,
            leave = "Leaving a frightened, psychotic man alone for an hour is not " ..
                    "de-escalation, which is active: a quiet space, a familiar member of " ..
                    "staff, listening, and an offer of oral medication (NICE NG10)." .. cue,
          }
        end,
      },
      debrief = function(s)
        local why
        if s.variant == "ai_wrong_first" then
          why = "Here the risk model was wrong, and its explanation showed why: its " ..
                "top reasons were a restraint in the emergency department, arrival with " ..
                "the police and his legal status. None of them is his ethnicity, yet each " ..
                "is recorded more often for Black patients, who are more often detained " ..
                "under the Mental Health Act and more often reach services through the " ..
                "police (Independent Review of the Mental Health Act, 2018; Halvorsrud et " ..
                "al., 2018). The model learned from who was restrained, not from who was " ..
                "violent, so it carries that pattern forward even though ethnicity is not " ..
                "among its reasons."
          if s.choices.agitated == "deescalate" then
            why = why .. " You de-escalated, and no aggressive incident followed."
          elseif s.choices.agitated == "im_now" then
            why = why .. " You followed it, and the restraint itself brought the struggle " ..
                  "in which staff were hurt: a recorded incident of exactly the kind the " ..
                  "model learns from."
          else
            why = why .. " On your path he did hit out, so the score's prediction of an " ..
                  "incident came true, but its advice was still wrong: he was frightened " ..
                  "and had threatened no one, and what the moment called for was " ..
                  "de-escalation, not restraint - nor leaving him alone."
          end
        else
          why = "Here the risk model was right, and its reasons were the ones that " ..
                "mattered: no aggression on the ward and a response to familiar staff."
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
      text = function(s)
        return "In the quiet lounge with the healthcare assistant he trusts, Daniel talks " ..
               "about the people following him. He takes oral lorazepam 1 mg after you " ..
               "show him the sealed packet, and settles on the sofa.\n\nAt " .. at(s, 25) ..
               " he wakes from a nightmare, frightened, and shouts for help. The same " ..
               "healthcare assistant sits with him; after twenty minutes he lies down " ..
               "again. The duty doctor phones to write up the night's rapid " ..
               "tranquillisation plan, in case oral medication is refused later."
      end,
      elapsed = 185,
      vitals = { hr = 104, sbp = 134, dbp = 82, rr = 18 },
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
      title = function(s) return at(s) end,
      text = "Forty-five minutes later Daniel accuses another patient of poisoning him and " ..
             "hits him. Staff separate them and hold Daniel while you decide what to give.",
      elapsed = 45,
      vitals = { hr = 128, sbp = 150, dbp = 90, rr = 24 },
      set = { path = "assault" },
      next = "rt_choice",
    },

    rt_choice = {
      title = "Rapid tranquillisation",
      text = function(s)
        if s.vars.path == "deescalated" then
          return "The duty doctor will write up whatever you recommend as the " ..
                 "intramuscular option for tonight. The prescribing aid is available on " ..
                 "the drug chart."
        end
        return "Oral medication is no longer possible. The duty doctor is on the phone and " ..
               "will prescribe what you recommend. The prescribing aid is available on the " ..
               "drug chart."
      end,
      elapsed = 2,
      decision = {
        prompt = function(s)
          if s.vars.path == "deescalated" then
            return "Which intramuscular medication do you recommend for the plan?"
          end
          return "Which intramuscular medication do you recommend?"
        end,
        options = {
          { id = "hal_prom", label = "IM haloperidol with IM promethazine" },
          { id = "lorazepam", label = "IM lorazepam on its own" },
          { id = "ecg_first", label = "No IM medication until a doctor has done an ECG" },
        },
        next = function(s, choice)
          if s.vars.path == "deescalated" then
            if choice == "lorazepam" then return "plan_safe" end
            if choice == "hal_prom" then return "plan_rewritten" end
            return "plan_gap"
          end
          if choice == "lorazepam" then return "settled" end
          if choice == "hal_prom" then return "dystonia" end
          return "injury"
        end,
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
        feedback = function(s)
          local cue
          if s.variant == "ai_wrong_second" then
            cue = " RT Assist ranked regimens by how often the ward used them, not by what " ..
                  "suits this man, and did not weigh the missing ECG."
          else
            cue = " RT Assist's reasons named the two facts that decide it: no ECG on file, " ..
                  "and no antipsychotic ever taken."
          end
          local rule = "NICE NG10 advises IM lorazepam when there is not enough " ..
                       "information to choose, or the person has not taken an antipsychotic " ..
                       "before: Daniel never has."
          local wait
          if s.vars.path == "deescalated" then
            wait = " A plan with no intramuscular option leaves the night staff waiting for " ..
                   "a doctor if oral medication is refused later."
          else
            wait = " Waiting for an ECG while he is held prolongs the restraint and its " ..
                   "risks."
          end
          return {
            lorazepam = rule .. cue,
            hal_prom = rule .. " A haloperidol regimen also needs an ECG (check the BNF " ..
                       "and the trust's policy), and he has none; in a young man new to " ..
                       "antipsychotics it also risks acute dystonia." .. cue,
            ecg_first = rule .. wait .. cue,
          }
        end,
      },
      debrief = function(s)
        local why
        if s.variant == "ai_wrong_second" then
          why = "Here the prescribing aid was wrong. Its first reason gave it " ..
                "away: it ranked regimens by how often the ward used them, and it did " ..
                "not weigh the missing ECG."
        else
          why = "Here the prescribing aid was right, and its reasons named the two " ..
                "facts that decide it."
        end
        local path
        if s.vars.path == "deescalated" then
          path = " A plan with no intramuscular option leaves the night staff waiting for " ..
                 "a doctor if oral medication is refused later."
        else
          path = " Waiting for an ECG while he is being held prolongs the restraint, and " ..
                 "its risks."
        end
        return why .. " The careful cues were in the record: no ECG (he declined it) and " ..
               "no antipsychotic ever taken. Both point to IM lorazepam; haloperidol in a " ..
               "young man who has never taken an antipsychotic also carries a risk of " ..
               "acute dystonia." .. path .. " After rapid tranquillisation, NICE asks for " ..
               "side effects, vital signs, hydration and level of consciousness to be " ..
               "monitored (QS154). Simplified: doses follow the BNF and the trust's " ..
               "policy; a real plan names them."
      end,
    },

    plan_safe = {
      title = "The morning",
      text = "The duty doctor writes up IM lorazepam as the night's option. Daniel sleeps " ..
             "on the sofa, then in his room, and no intramuscular medication is needed.",
      elapsed = function(s) return until_time(s, 7, 30) end,
      vitals = { hr = 88, sbp = 124, dbp = 76, rr = 16 },
      ending = {
        outcome = "good",
        summary = "Daniel slept through, and no intramuscular medication was needed. The " ..
                  "next day he agreed to an ECG and bloods, began treatment, and talked " ..
                  "with the team about what had frightened him.",
      },
    },

    plan_rewritten = {
      title = "The morning",
      text = "The duty doctor writes up IM haloperidol with IM promethazine. Daniel sleeps " ..
             "through, and it is not needed. At the morning review the pharmacist rewrites " ..
             "the plan: no ECG on file, and no antipsychotic ever taken.",
      elapsed = function(s) return until_time(s, 7, 30) end,
      vitals = { hr = 88, sbp = 124, dbp = 76, rr = 16 },
      ending = {
        outcome = "neutral",
        summary = "No harm came of it, because the plan was not used: the pharmacist " ..
                  "changed it to IM lorazepam at the morning review.",
      },
    },

    plan_gap = {
      title = "The morning",
      text = "No intramuscular option is written up. Daniel sleeps through. Had he needed " ..
             "one, staff would have waited for a doctor to come while he was distressed.",
      elapsed = function(s) return until_time(s, 7, 30) end,
      vitals = { hr = 88, sbp = 124, dbp = 76, rr = 16 },
      ending = {
        outcome = "neutral",
        summary = "No harm came of it, but the night staff had no plan had oral medication " ..
                  "been refused, and the ECG he had declined was no nearer.",
      },
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
          { id = "door", label = "Let him sleep: look in through the door each hour, and do " ..
                                 "a full set of observations when he wakes", next = "slowed" },
          { id = "close", label = "Watch him closely as the trust's policy sets: breathing, " ..
                                  "pulse, blood pressure, hydration, conscious level",
            next = "asleep_safe" },
          { id = "morning", label = "Leave him undisturbed until the morning round, then do " ..
                                    "a full set of observations and an ECG", next = "slowed" },
        },
        best = { "close" },
        advice = {
          tool = "rx",
          recommend = "close",
          confidence = nil,
          message = "Post-RT monitoring: ENHANCED. Appears asleep or sedated after a " ..
                    "benzodiazepine. Interval: trust RT policy.",
          reasons = {
            { "Appears asleep or sedated", 0.34 },
            { "Physical restraint before RT", 0.21 },
            { "IM lorazepam 20 minutes ago", 0.17 },
          },
          timing = "with_case",
        },
        ask = { trust = true, rationale = "override" },
        feedback = {
          close = "After rapid tranquillisation NICE QS154 asks for side effects, vital signs, " ..
                  "hydration and level of consciousness to be monitored, and he now responds " ..
                  "only to voice. Much of it (breathing, colour, position) can be checked " ..
                  "without waking him; how often is in NICE NG10 and your trust's policy.",
          door = "A person who appears asleep after IM lorazepam may be more sedated than they look, and his " ..
                 "breathing is what you cannot see through a door; he already responds only " ..
                 "to voice. NICE QS154 asks for vital signs and level of consciousness to be " ..
                 "monitored after rapid tranquillisation.",
          morning = "Leaving him unchecked until morning after IM lorazepam misses the " ..
                    "over-sedation that can follow; he already responds only to voice. NICE " ..
                    "QS154 asks for side effects, vital signs, hydration and level of " ..
                    "consciousness to be monitored, and much can be checked without waking him.",
        },
      },
      debrief = "The aid was right, and here the pull was to overrule it out of kindness: " ..
                "he was finally asleep and waking him felt cruel. But a person who appears " ..
                "asleep after lorazepam may be more sedated than they look, and his breathing is what you " ..
                "cannot see through a door. The careful cue was 'appears asleep' after a " ..
                "benzodiazepine; much of the checking (breathing, colour, position) can be " ..
                "done without waking him. Simplified: how often to check, when to call the " ..
                "doctor and where flumazenil is kept are in NICE NG10 and the trust's " ..
                "policy; check them there.",
    },

    slowed = {
      title = function(s) return at(s) end,
      text = function(s)
        if s.choices.settled == "door" then
          return "When you look in through the door an hour later, his breathing looks " ..
                 "shallow. You go in: Daniel is hard to rouse, and his breathing is slow. " ..
                 "You call the duty doctor and the emergency team."
        end
        return "Three hours later a nurse passing his door cannot hear him breathing. " ..
               "Daniel is hard to rouse, and his breathing is slow and shallow. You call " ..
               "the duty doctor and the emergency team."
      end,
      elapsed = function(s) return s.choices.settled == "door" and 60 or 180 end,
      vitals = { hr = 58, sbp = 102, dbp = 60, rr = 7, spo2 = 86, avpu = "P" },
      ending = {
        outcome = "harm",
        summary = function(s)
          local unseen = "for hours"
          if s.choices.settled == "door" then unseen = "for an hour" end
          return "Daniel had respiratory depression after lorazepam, his breathing " ..
                 "unchecked " .. unseen .. ". He needed oxygen, flumazenil and a transfer " ..
                 "to the acute hospital for monitoring, and recovered."
        end,
      },
    },

    asleep_safe = {
      title = "Through the night",
      text = "You check his breathing, pulse, blood pressure and conscious level as the " ..
             "policy sets while he sleeps. His breathing stays steady, and after an hour " ..
             "he wakes enough to drink some water.",
      elapsed = 60,
      vitals = { hr = 84, sbp = 122, dbp = 74, rr = 14, spo2 = 97, avpu = "A" },
      ending = {
        outcome = "neutral",
        summary = function(s)
          if s.vars.path == "restrained" then
            return "Daniel slept safely, but the early restraint left him bruised and two " ..
                   "staff injured, and he now fears the ward. The incident was recorded " ..
                   "under the Use of Force Act and reviewed."
          end
          return "Daniel slept safely, but another patient was hurt while he was left alone."
        end,
      },
    },

    dystonia = {
      title = function(s) return at(s) end,
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
