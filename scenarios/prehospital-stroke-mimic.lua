-- FAST positive, glucose 2.1: the stroke app that never saw the glucose.
-- Pre-hospital. At the first decision a stroke triage app is confident that
-- this is a stroke. Its inputs do not include capillary glucose, and the
-- glucose is not shown: the trainee finds it only by choosing to check it.
-- In "ai_wrong" the app advises a pre-alert and conveyance now, and its
-- explanation shows that it scored the FAST signs alone (false positive,
-- spurious cue). In "ai_right" the same app, with the same explanation, asks
-- for the glucose before the pre-alert. Once the glucose is found, the
-- trainee chooses the route of treatment (no advice). At the last decision a
-- conveyance decision aid is right to advise taking her in after a
-- sulfonylurea hypoglycaemia, when she and the crew would rather she stayed
-- at home (AI right, often overruled).
local obs = include("obs")
local variants = include("variants")

-- Feedback at the scene: the reasoning for each choice, then what the app's
-- advice rested on (the variant decides which). Facts: NICE NG128 1.1.2,
-- JBDS 01 (revised 2022) on gel, glucagon and sulfonylureas, the recurrence
-- of sulfonylurea hypoglycaemia (partly verified, hedged as in the debrief);
-- see docs/clinical-checks/feedback-round.md.
local function scene_feedback(s)
  local app
  if s.variant == "ai_wrong" then
    app = " FASTtrack's 94% rested on the FAST signs, age and onset time alone, as its " ..
          "explanation showed: glucose is not one of its inputs, and its model card tells " ..
          "the crew to exclude hypoglycaemia first."
  else
    app = " FASTtrack was right to ask for the glucose first, but its 94% still rested on " ..
          "the FAST signs, age and onset time alone: glucose is not one of its inputs."
  end
  local cues = "cold clammy skin, a poor lunch and gliclazide on the table"
  return {
    glucose = "NICE NG128 asks for hypoglycaemia to be excluded as the cause of sudden " ..
              "neurological symptoms, and the cues were here: " .. cues .. ". A capillary " ..
              "glucose takes a minute, and where she goes depends on it." .. app,
    convey = "NICE NG128 asks for hypoglycaemia to be excluded as the cause of sudden " ..
             "neurological symptoms, and " .. cues .. " pointed to it. Checking on the way " ..
             "leaves a treatable cause untreated for the journey." .. app,
    history = "The time she was last well matters for a stroke, but first NICE NG128 asks " ..
              "for hypoglycaemia to be excluded in sudden neurological symptoms, and " .. cues ..
              " pointed to it." .. app,
  }
end

local convey_tool = " ConveyAssist's advice turned on the cause - an extra dose of gliclazide " ..
                    "- rather than on how she looks now."
local recurs = "sulfonylurea hypoglycaemia can be prolonged and can recur for a day or more " ..
               "after it is treated, more so after a double dose"

return case {
  format = 1,
  id = "prehospital-stroke-mimic",
  version = "2.0",
  title = "FAST positive in the front room",
  summary = "A woman of 74 is found slumped with slurred speech and a weak right arm. " ..
            "The stroke app has an opinion; the clock is running. Decide what to do " ..
            "first, and whether she can stay at home afterwards.",
  objectives = {
    "Exclude hypoglycaemia in sudden neurological signs before acting on a stroke " ..
      "diagnosis (NICE NG128)",
    "Notice from an explanation which inputs a tool did and did not use",
    "Treat hypoglycaemia by a route the patient can safely take",
    "Recognise the risk of recurrence after sulfonylurea-induced hypoglycaemia",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG128 (2019, updated 2022) Stroke and transient ischaemic attack in over 16s: " ..
      "diagnosis and initial management (recommendations 1.1.1 and 1.1.2)",
    "JRCALC Clinical Guidelines (Association of Ambulance Chief Executives): stroke; " ..
      "glycaemic emergencies in adults",
    "Joint British Diabetes Societies for Inpatient Care (JBDS 01, revised 2022) The " ..
      "hospital management of hypoglycaemia in adults with diabetes mellitus",
    "BNF: glucose; glucagon; gliclazide",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2: " ..
      "Standardising the assessment of acute-illness severity in the NHS. Updated report " ..
      "of a working party",
  },
  tags = { "pre-hospital", "stroke", "diabetes", "time-limit" },
  minutes = 7,
  variants = { "ai_right", "ai_wrong" },

  x_setting = "prehospital",
  x_profession = "paramedic",
  x_tool_types = { "classifier", "decision_support" },
  x_failure_modes = { "false_positive", "spurious_cue", "ai_right" },
  x_ai_errors = { "ai_wrong/scene false_positive" },

  patient = {
    name = "Patricia Moss", age = 74, sex = "F",
    setting = "Her home (999 call: 'husband thinks she's had a stroke')",
    complaint = "Slurred speech and right arm weakness, found slumped in her chair",
    history = { "Type 2 diabetes", "Hypertension", "Osteoarthritis" },
    medications = { "Gliclazide 80 mg twice daily", "Metformin 1 g twice daily",
                    "Ramipril 5 mg once daily" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 104, sbp = 148, dbp = 86, rr = 18, spo2 = 96, temp = 36.2,
             gcs = 13, o2 = "air", x_skin = "pale, cold and clammy" },

  results = {
    { name = "FAST", value = "Positive: right facial droop, right arm drift, slurred speech" },
    { name = "Last seen well", value = "12:30, by her husband" },
  },

  ai = {
    stroke = {
      name = "FASTtrack", version = "1.4",
      kind = "pre-hospital stroke triage app",
      intended_use = "Adults with suspected stroke, used by ambulance clinicians; estimates " ..
                     "the likelihood of stroke and of large vessel occlusion, and suggests a " ..
                     "destination and pre-alert",
      performance = { sensitivity = 0.91, specificity = 0.62, auroc = 0.84 },
      trained_on = "22,000 ambulance stroke pre-alerts in two English regions, 2017-2021, " ..
                   "with hospital discharge diagnosis as the label",
      limitations = {
        "Inputs are the FAST items, age, onset time and arm power; capillary glucose is " ..
          "not an input: hypoglycaemia must be excluded by the crew first",
        "Stroke mimics (hypoglycaemia, seizure, sepsis) were labelled only if the " ..
          "hospital recorded them; mimic rates in the training data are likely low",
        "Specificity is modest: about four in ten non-strokes are called stroke",
      },
    },
    convey = {
      name = "ConveyAssist", version = "2.1",
      kind = "conveyance decision aid",
      intended_use = "Adults assessed by ambulance clinicians who might be safely left at " ..
                     "home; suggests convey or non-conveyance with a referral",
      performance = { sensitivity = 0.87, specificity = 0.69, auroc = 0.83 },
      trained_on = "140,000 ambulance attendances in one English ambulance service, " ..
                   "2018-2022, labelled by re-contact or admission within 72 hours",
      limitations = {
        "Advisory: the decision stays with the clinician and the patient",
        "Does not know the patient's wishes or who is at home with them",
      },
    },
  },

  start_time = "13:40",       -- the time of day at the start; the header adds the case clock
  start = "arrival",
  nodes = {
    arrival = {
      title = "The front room",
      text = "Mrs Moss is slumped in her armchair. Her husband found her like this ten " ..
             "minutes ago when he came in from the garden; she was well at lunch, though " ..
             "she ate little. Her speech is slurred, her face droops on the right and her " ..
             "right arm drifts. She opens her eyes to your voice and is muddled.\n\n" ..
             "She is pale, cold and clammy to touch. There is a half-full glass of water " ..
             "beside her and a blister pack of gliclazide on the table.",
      next = "scene",
    },

    scene = {
      title = "FAST positive",
      text = "Your crewmate enters the FAST findings into the stroke app. The nearest " ..
             "hyperacute stroke unit is 25 minutes away.",
      elapsed = 6,
      decision = {
        prompt = "What do you do first?",
        options = {
          { id = "convey", label = "Pre-alert the stroke unit and convey now; check her " ..
                                   "glucose on the way", next = "en_route" },
          { id = "glucose", label = "Check her capillary glucose now, before deciding " ..
                                    "where she goes", next = "treat" },
          { id = "history", label = "Pin down the time she was last well with her " ..
                                    "husband, then convey", next = "en_route" },
        },
        best = { "glucose" },
        advice = variants.advice({
          tool = "stroke",
          confidence = nil,
          reasons = {
            { "Arm drift (right)", 0.34 },
            { "Speech disturbance", 0.27 },
            { "Facial droop (right)", 0.21 },
            { "Age 74", 0.09 },
            { "Onset within 4.5 hours", 0.07 },
          },
          timing = "with_case",
        }, {
          ai_right = {
            recommend = "glucose",
            message = "STROKE LIKELY (94%). Suspected large vessel occlusion. Capillary " ..
                      "glucose not entered: exclude hypoglycaemia before the pre-alert.",
          },
          ai_wrong = {
            recommend = "convey",
            message = "STROKE LIKELY (94%). Suspected large vessel occlusion. Pre-alert " ..
                      "the hyperacute stroke unit and convey without delay.",
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        time_limit = 90,
        on_timeout = "dither",
        feedback = scene_feedback,
      },
      debrief = variants.pick {
        ai_wrong =
          "The app was wrong, and its explanation said why: every reason it gave was a " ..
          "FAST sign, age or onset time. It cannot see glucose - its model card says so, " ..
          "and tells the crew to exclude hypoglycaemia first. A confident 94% on the wrong " ..
          "inputs is still a guess. The careful cues were the cold clammy skin, the poor " ..
          "lunch and the gliclazide on the table; hypoglycaemia can cause focal signs that " ..
          "look exactly like a stroke, and NICE NG128 asks for it to be excluded in sudden " ..
          "neurological symptoms. Simplified: in practice the glucose is checked as part " ..
          "of the primary survey, before any app is opened.",
        ai_right =
          "The app's advice was right: it would not support a pre-alert until a glucose " ..
          "had been entered. But look at what its 94% rested on: every reason was a FAST " ..
          "sign, age or onset time, because glucose is not one of its inputs (its model " ..
          "card says so). The prompt, not the probability, was the part to act on. The " ..
          "careful cues were the cold clammy skin, the poor lunch and the gliclazide on " ..
          "the table; hypoglycaemia can cause focal signs that look exactly like a stroke, " ..
          "and NICE NG128 asks for it to be excluded in sudden neurological symptoms. " ..
          "Simplified: in practice the glucose is checked as part of the primary survey, " ..
          "before any app is opened.",
      },
    },

    treat = {
      title = "The meter",
      text = "Your crewmate reads the meter and shows you the number. Mrs Moss is still " ..
             "muddled, her speech slurred and her face drooping on the right. Your " ..
             "crewmate is ready to cannulate.",
      elapsed = 2,
      results = { { name = "Capillary glucose", value = 2.1, unit = "mmol/L", flag = "low" } },
      decision = {
        prompt = "How do you treat her?",
        options = {
          { id = "iv_glucose", label = "Give IV glucose 10% now, then recheck her glucose " ..
                                       "and neurology", next = "recovered" },
          { id = "oral_gel", label = "Squeeze glucose gel between her cheek and gum, then " ..
                                     "recheck", next = "splutter" },
          { id = "glucagon", label = "Give glucagon IM now, then recheck her glucose and " ..
                                     "neurology", next = "slow" },
        },
        best = { "iv_glucose" },
        ask = { confidence = true },
        feedback = {
          iv_glucose = "With slurred speech and a facial droop her swallow is in doubt, and IM " ..
                       "glucagon may work less well after a sulfonylurea (JBDS); with a vein " ..
                       "available, IV glucose 10% acts fastest. Doses: follow your ambulance " ..
                       "service's guidance.",
          oral_gel = "Glucose gel suits someone who is confused but can swallow safely " ..
                     "(JBDS); with slurred speech and a facial droop her swallow is in doubt. " ..
                     "With a vein available, IV glucose 10% is faster and safer here.",
          glucagon = "IM glucagon is the fallback without IV access, and may work less well " ..
                     "after a sulfonylurea such as gliclazide (JBDS). With a vein available, " ..
                     "IV glucose 10% is the surer route.",
        },
      },
      debrief = "Gel relies on a safe swallow, which her slurred speech and facial droop " ..
                "put in doubt; the JBDS guideline keeps it for people who are confused but " ..
                "able to swallow. IM glucagon may be less effective after a sulfonylurea " ..
                "(JBDS), so with a vein available, IV glucose is the surer route.",
    },

    dither = {
      title = "Ninety seconds",
      text = "While you weigh it up, Mrs Moss stops responding to your voice. Your crewmate " ..
             "checks her glucose, gets IV access and gives glucose 10%. Ten minutes later " ..
             "she is talking again.",
      elapsed = 12,
      vitals = { hr = 92, sbp = 142, dbp = 82, gcs = 15, x_skin = "warm and dry" },
      results = {
        { name = "Capillary glucose", value = 2.0, unit = "mmol/L", flag = "low" },
        { name = "Capillary glucose (repeat)", value = 6.8, unit = "mmol/L" },
      },
      next = "home",
    },

    splutter = {
      title = "Oral glucose",
      text = "You squeeze glucose gel into her cheek. She coughs and splutters and cannot " ..
             "swallow it safely. Your crewmate gets IV access and gives glucose 10% instead. " ..
             "Ten minutes later she is talking clearly, a little embarrassed.",
      elapsed = 14,
      vitals = { hr = 90, sbp = 140, dbp = 80, gcs = 15, x_skin = "warm and dry" },
      results = { { name = "Capillary glucose (repeat)", value = 6.9, unit = "mmol/L" } },
      next = "home",
    },

    slow = {
      title = "Fifteen minutes",
      text = "You give glucagon into her thigh. Fifteen minutes later she is still muddled " ..
             "and her glucose has barely risen. Your crewmate gets IV access and gives " ..
             "glucose 10%. Ten minutes after that she is talking clearly.",
      elapsed = 27,
      vitals = { hr = 92, sbp = 142, dbp = 82, gcs = 15, x_skin = "warm and dry" },
      results = {
        { name = "Capillary glucose (15 min after glucagon)", value = 3.1, unit = "mmol/L",
          flag = "low" },
        { name = "Capillary glucose (repeat)", value = 7.0, unit = "mmol/L" },
      },
      next = "home",
    },

    recovered = {
      title = "Ten minutes later",
      text = "After glucose 10% IV her speech clears, her face is symmetrical and her arm no " ..
             "longer drifts. She is warm and dry, fully alert, and asks why there are two " ..
             "paramedics in her front room. Her FAST is now negative.",
      elapsed = 10,
      vitals = { hr = 88, sbp = 138, dbp = 80, gcs = 15, x_skin = "warm and dry" },
      results = { { name = "Capillary glucose (repeat)", value = 7.4, unit = "mmol/L" } },
      next = "home",
    },

    home = {
      title = "\"I'm fine now, I'm not going in\"",
      text = function(s)
        local total = obs.news2(s.vitals)
        return "Mrs Moss has eaten a sandwich and a biscuit. Her NEWS2 is now " .. total ..
               ". She would much rather stay at home, and her husband says he can keep an " ..
               "eye on her. She took her gliclazide at 08:00 and again at 12:30 - she " ..
               "thought she had missed the morning dose. Your ePR has a conveyance aid you " ..
               "can consult."
      end,
      elapsed = 15,
      vitals = { rr = 16, spo2 = 97, temp = 36.6 },
      decision = {
        prompt = "What do you do?",
        options = {
          { id = "convey_ed", label = "Convey her to the emergency department for observation " ..
                                      "and review of her gliclazide", next = "observed" },
          { id = "leave", label = "Leave her at home with her husband and a letter for her GP",
            next = "recurrence" },
          { id = "leave_call", label = "Leave her at home and ask the GP to phone her today",
            next = "recurrence" },
        },
        best = { "convey_ed" },
        advice = {
          tool = "convey",
          recommend = "convey_ed",
          confidence = nil,
          message = "CONVEY. Hypoglycaemia on a sulfonylurea, with a double dose today: high " ..
                    "risk of recurrence within 24 hours. Non-conveyance not supported.",
          reasons = {
            { "Sulfonylurea (gliclazide), extra dose today", 0.41 },
            { "Hypoglycaemia needing treatment by the crew", 0.26 },
            { "Age 74", 0.10 },
            { "Observations now normal", -0.18 },
          },
          timing = "on_request",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          convey_ed = "She looks well, but " .. recurs .. "; the JBDS guideline describes " ..
                      "observation and glucose monitoring in hospital." .. convey_tool,
          leave = "She looks well, but gliclazide lasts longer than a sandwich: " .. recurs ..
                  ", and ambulance guidance advises caution about leaving such patients at " ..
                  "home. A letter reaches her GP after the risk has passed." .. convey_tool,
          leave_call = "A phone call today does not watch her glucose tonight: " .. recurs ..
                       ", and ambulance guidance advises caution about leaving such patients " ..
                       "at home." .. convey_tool,
        },
      },
      debrief = "The aid was right, and here the pull was to overrule it: she looked well, " ..
                "her repeat glucose was normal and she wanted to stay. But gliclazide lasts " ..
                "longer than a sandwich, and she had taken two doses in five hours. The " ..
                "careful cue was the cause of the hypoglycaemia, not how she looked once it " ..
                "was treated. Whatever you made of the stroke app, one tool's record says " ..
                "nothing about the next one's. Simplified: local non-conveyance policies " ..
                "differ, and a decision to stay at home with capacity would be respected " ..
                "with a clear safety net.",
    },

    en_route = {
      title = "Blue lights",
      text = function(s)
        local leave = "You pre-alert the stroke unit and leave."
        if s.choices.scene == "history" then
          leave = "Her husband is sure she was well at 12:30. You pre-alert the stroke " ..
                  "unit and leave."
        end
        return leave .. " Ten minutes down the road, before anyone has checked her " ..
               "glucose, Mrs Moss stops responding and has a generalised seizure. Your " ..
               "crewmate pulls over; you give glucose 10% IV. By arrival she is talking, " ..
               "her FAST is negative, and the stroke team, who had cleared the CT scanner, " ..
               "are stood down."
      end,
      elapsed = 25,
      vitals = { hr = 110, sbp = 150, dbp = 88, gcs = 14 },
      results = { { name = "Capillary glucose (in the ambulance)", value = 1.6,
                    unit = "mmol/L", flag = "low" } },
      ending = {
        outcome = "harm",
        summary = "Mrs Moss had more than half an hour of untreated hypoglycaemia and a " ..
                  "seizure in the ambulance. She recovered, but was admitted after a head " ..
                  "injury from the seizure, and the stroke team's scanner slot was lost to " ..
                  "another patient.",
      },
    },

    observed = {
      title = "The emergency department",
      text = "In the emergency department her glucose falls to 3.2 mmol/L at 18:00 despite " ..
             "eating, and she is given a glucose infusion overnight. Her gliclazide is " ..
             "reviewed and her dose instructions rewritten with her.",
      elapsed = 300,
      ending = {
        outcome = function(s)
          if s.choices.scene == "glucose" and s.choices.treat == "iv_glucose" then
            return "good"
          end
          return "neutral"
        end,
        summary = function(s)
          if s.choices.scene == "glucose" and s.choices.treat == "iv_glucose" then
            return "Her hypoglycaemia was found and treated at once, and its recurrence " ..
                   "caught in hospital. She went home the next day with a safer diabetes plan."
          end
          return "She went home the next day with a safer diabetes plan, after a slower " ..
                 "route to treating her hypoglycaemia at the scene."
        end,
      },
    },

    recurrence = {
      title = "19:30",
      text = "Her husband calls 999 again: she is sweaty and confused and he cannot wake her " ..
             "properly. The next crew finds a glucose of 1.9 mmol/L.",
      -- Lands at 19:30 (the case starts at 13:40) on every path.
      elapsed = function(s) return 350 - s.clock end,
      vitals = { hr = 112, gcs = 10, x_skin = "pale, cold and clammy" },
      results = { { name = "Capillary glucose (second call)", value = 1.9, unit = "mmol/L",
                    flag = "low" } },
      ending = {
        outcome = "harm",
        summary = "Mrs Moss had a second, longer hypoglycaemic episode at home and was " ..
                  "admitted overnight for a glucose infusion.",
      },
    },
  },
}
