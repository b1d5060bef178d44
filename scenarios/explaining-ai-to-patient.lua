-- Outpatients: a back, a triage tool and a question.
-- Musculoskeletal physiotherapy outpatients; the trainee is the
-- physiotherapist. The service sorts GP referrals with a triage model
-- (MSKFlow Triage, fictional) that reads the referral letter and suggests a
-- priority; a senior physiotherapist confirms every suggestion before it is
-- booked. Ms Fletcher's letter, three weeks old, was triaged ROUTINE.
--   question - no advice: she asks whether a computer decided her wait and
--     whether her data trained it. NHS England's IG guidance for patients
--     (verified): AI can help a professional reach a decision, "Decisions
--     will not be made by the AI system"; training is a purpose beyond
--     individual care, identifying details removed or replaced with a code
--     wherever possible, and identifiable use needs an application to the
--     HRA's Confidentiality Advisory Group.
--   assessment - the tool's ROUTINE priority, shown with the case. In
--     "ai_right" her history and examination hold no red flags and carrying
--     on is right. In "ai_wrong" new cauda equina red flags (both legs,
--     altered saddle sensation, hesitancy) began after the letter was
--     written: ROUTINE is a false negative, and the tool never saw them.
--   record - the tool's outcome prompt, right in both variants.
-- AI right at 2 of 2 advised decisions in "ai_right", 1 of 2 in "ai_wrong".
-- Facts: cauda equina red flags and immediate referral to hospital from the
-- community from BMJ Best Practice (diagnosis approach) and the British
-- Association of Spine Surgeons' page ("Spinal Emergency", emergency
-- referral). Hedged: no time targets or imaging intervals are stated; the
-- trainee text says "the local suspected cauda equina pathway". No HCPC or
-- professional-body wording is cited (not checked). The tool's card
-- (training data, retraining, DCB0160 assessment) is fictional deployment
-- detail, not a claim about any real product.
-- No observations are taken at an outpatient physiotherapy appointment, so
-- no early-warning score can be worked out or shown.
local variants = include("variants")

local worst = include("outcomes").worst

-- What happened to her back, by what the trainee did.
local function back_outcome(s)
  local c = s.choices.assessment
  if s.variant == "ai_wrong" then
    if c == "emergency" then return "good" end
    return "harm"
  end
  if c == "plan" then return "good" end
  return "neutral"
end

-- How the conversation and the record went.
local function talk_outcome(s)
  if s.choices.question == "honest" and s.choices.record == "full" then return "good" end
  return "neutral"
end

local BACK_END = {
  ai_right = {
    good = "Ms Fletcher did her exercises, went back to full shifts at four weeks and was " ..
           "discharged from physiotherapy at her third appointment.",
    neutral = "Ms Fletcher spent a day and a half on tests and waits she did not need; her " ..
              "exercises started a week late, and she said she now worried about every twinge.",
  },
  ai_wrong = {
    good = "An MRI that afternoon showed a large central disc prolapse pressing on the cauda " ..
           "equina. She had decompression surgery that night; at three months her bladder " ..
           "and saddle sensation were back to normal.",
    harm = "Ms Fletcher went to the emergency department herself four days later, unable to " ..
           "pass water. An MRI showed a large central disc prolapse pressing on the cauda " ..
           "equina; after surgery she was left with altered bladder control and numbness.",
  },
}

local TALK_END = {
  good = "She said afterwards that she had not minded the computer once someone explained " ..
         "who had actually decided, and the service's data protection officer wrote to her " ..
         "about her data.",
  neutral = "At the service's next patient forum she said nobody had given her a straight " ..
            "answer about the computer or her data.",
}

return case {
  format = 1,
  id = "explaining-ai-to-patient",
  version = "1.0",
  title = "Outpatients: a back, a triage tool and a question",
  summary = "You are the physiotherapist in a musculoskeletal outpatient clinic. A woman " ..
            "whose referral was sorted by the service's triage software wants to know what " ..
            "the computer did with her letter and her data.",
  objectives = {
    "Explain honestly to a patient what an AI tool did in her care and who decided",
    "Answer a question about data and training with what you know, and find out the rest",
    "Check a triage tool's priority against the patient in front of you today",
    "Record the tool's output, your own decision and reasons, and what the patient was told",
  },
  authors = { "Appraise project" },
  references = {
    "NHS England Transformation Directorate, Artificial intelligence: information " ..
      "governance guidance (reviewed by the ICO and National Data Guardian), guidance for " ..
      "patients and service users",
    "BMJ Best Practice, Cauda equina syndrome: diagnosis approach",
    "British Association of Spine Surgeons, Cauda equina syndrome (information page)",
    "NHS England (2018) DCB0160 Clinical risk management: its application in the " ..
      "deployment and use of health IT systems",
  },
  tags = { "outpatients", "physiotherapy", "musculoskeletal", "triage", "communication" },
  minutes = 7,
  variants = { "ai_right", "ai_wrong" },
  x_setting = "outpatients",
  x_profession = "physiotherapist",
  x_failure_modes = { "false_negative", "ai_right" },
  x_ai_errors = { "ai_wrong/assessment false_negative" },
  x_tool_types = { "triage_model" },

  patient = {
    name = "Dawn Fletcher", age = 46, sex = "F",
    setting = "Musculoskeletal physiotherapy outpatients",
    complaint = "Low back pain with pain into the left leg for six weeks",
    history = { "Care assistant, on light duties", "No previous back problems" },
    medications = { "Paracetamol and ibuprofen from the pharmacy" },
    allergies = { "None known" },
  },

  ai = {
    name = "MSKFlow Triage", version = "2.1",
    kind = "referral triage model",
    intended_use = "Adult musculoskeletal referrals. Reads the text of the referral letter " ..
                   "and suggests a priority (emergency, urgent or routine) and a pathway. A " ..
                   "senior physiotherapist reviews every suggestion before an appointment is " ..
                   "booked; it does not assess patients.",
    trained_on = "Referral letters and the priorities clinicians gave them in three NHS " ..
                 "musculoskeletal services, 2018-2023, with names and addresses removed " ..
                 "before training, according to the supplier. Referrals to this service " ..
                 "are not used to retrain it under the current contract.",
    limitations = {
      "Sees only what the referral letter says, on the day it was triaged: symptoms that " ..
        "start or change after referral are not seen",
      "Its red-flag screen looks for words in the letter; a red flag the letter does not " ..
        "mention is not found",
      "Deployed by the service after a DCB0160 clinical safety assessment",
    },
  },

  start_time = "10:30",       -- the time of day at the start; the header adds the case clock
  start = "arrival",
  nodes = {
    arrival = {
      title = "Clinic room 2, 10:30",
      text = "You are the physiotherapist in the musculoskeletal outpatient clinic. Your " ..
             "next patient is Ms Dawn Fletcher, 46, a care assistant referred by her GP " ..
             "three weeks ago with six weeks of low back pain and pain into her left leg.\n\n" ..
             "The service triages GP referrals with MSKFlow Triage. Her referral record " ..
             "reads: \"Priority suggested by MSKFlow Triage 2.1: ROUTINE, physiotherapy. " ..
             "Confirmed by senior physiotherapist.\"",
      next = "question",
    },

    question = {
      title = "Before you start",
      text = "Ms Fletcher has her appointment letter in her hand. It says referrals are " ..
             "\"prioritised with the help of AI\".\n\n" ..
             "\"Before we start,\" she says, \"did a computer decide I could wait three " ..
             "weeks? And was my information used to train it? I never agreed to that.\"",
      elapsed = 2,
      decision = {
        prompt = "What do you tell her?",
        options = {
          { id = "honest", label = "A tool suggested a priority and a senior physio confirmed " ..
                                   "it; you will find out about her data" },
          { id = "accurate", label = "The computer is very accurate at sorting letters, so " ..
                                     "the wait was safe for her" },
          { id = "human", label = "No computer decided anything: a physiotherapist read her " ..
                                  "letter and booked her in" },
          { id = "machine", label = "The computer made the call, and the company that makes " ..
                                    "it can answer about her data" },
        },
        next = "assessment",
        best = { "honest" },
        ask = { confidence = true },
        feedback = {
          honest = "NHS England's guidance for patients says AI can help a professional reach " ..
                   "a decision and that decisions will not be made by the AI system: here a " ..
                   "tool suggested a priority and a senior physiotherapist confirmed it. On her " ..
                   "data, say what the model card tells you and find out the rest from the " ..
                   "service's data protection officer.",
          accurate = "She asked who decided and whether her data trained it; vouching for the " ..
                     "tool's accuracy answers neither. Say what it did (suggested a priority " ..
                     "from her letter), who decided (a senior physiotherapist), and that you " ..
                     "will find out about her data.",
          human = "Not quite: a tool suggested her priority from her letter, as her appointment " ..
                  "letter says. What answers her question is that a senior physiotherapist " ..
                  "confirmed it; NHS England's guidance for patients says decisions will not " ..
                  "be made by the AI system.",
          machine = "That overstates it: the tool suggested a priority and a senior " ..
                    "physiotherapist confirmed it. Her data is the service's responsibility: " ..
                    "its privacy notice or data protection officer can answer, not only the " ..
                    "company.",
        },
      },
      debrief = "Patients are entitled to a straight answer about AI in their care. NHS " ..
                "England's information governance guidance for patients says AI can help a " ..
                "professional reach a decision, that decisions will not be made by the AI " ..
                "system, and that using data to train AI is a purpose beyond her individual " ..
                "care: only the information needed is used, identifying details are removed " ..
                "or replaced with a code wherever possible, and any use that could identify " ..
                "her needs an application to the Health Research Authority's Confidentiality " ..
                "Advisory Group. So: say what the tool did and who decided; say what the " ..
                "model card tells you about its training (letters from other services, " ..
                "2018-2023, not from this service); and where you do not know, say so and " ..
                "find out (your service's privacy notice or data protection officer). " ..
                "Saying no computer was involved, or that the computer decided, are both " ..
                "untrue; vouching for its accuracy answers a question she did not ask.",
    },

    assessment = {
      title = "Assessment, 10:45",
      text = variants.pick {
        ai_right = "Her left leg pain, which went to the back of her calf, has eased over the " ..
                   "last fortnight; the back pain is worst after a shift. You ask your " ..
                   "screening questions: no numbness or tingling around her bottom or " ..
                   "genitals, no change in passing water or opening her bowels, no pain or " ..
                   "weakness in the right leg.\n\n" ..
                   "On examination, power, reflexes and sensation in both legs are normal. " ..
                   "Straight-leg raising is limited by left buttock pain. She is keen to " ..
                   "get back to full shifts.",
        ai_wrong = "Her left leg pain went to the back of her calf. Since Sunday, she says, " ..
                   "the pain has been in her right leg as well. You ask your screening " ..
                   "questions. She hesitates, then says toilet paper has felt odd when she " ..
                   "wipes for two days, and she has had to strain to start passing water. " ..
                   "\"I thought it was the painkillers.\"\n\n" ..
                   "On examination, power in both legs is normal. Light touch is reduced on " ..
                   "the outer side of the right foot. Straight-leg raising is limited on " ..
                   "both sides.",
      },
      elapsed = 13, -- 10:45, as the title says (10:30, then 2 minutes on her question)
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "plan", label = "Carry on: exercise plan, with written cauda equina " ..
                                 "safety-net advice" },
          { id = "emergency", label = "Refer her today by the local suspected cauda equina " ..
                                      "pathway" },
          { id = "gp_mri", label = "Write to her GP asking for an urgent MRI, and review " ..
                                   "her in two weeks" },
          { id = "rebook", label = "Change her priority to urgent and see her again next " ..
                                   "week" },
        },
        next = "record",
        best = variants.pick { ai_right = { "plan" }, ai_wrong = { "emergency" } },
        advice = {
          recommend = "plan",
          message = "MSKFlow Triage 2.1 - referral received 3 weeks ago\n" ..
                    "PRIORITY: ROUTINE\n" ..
                    "Pathway: physiotherapy, exercise and advice\n" ..
                    "Red-flag screen of referral text: none found",
          reasons = {
            { "Referral: low back pain with left leg pain, 3 weeks", -0.22 },
            { "Referral: no bladder, bowel or saddle symptoms mentioned", -0.18 },
            { "Referral: no weakness mentioned", -0.12 },
            { "Age 46, working", -0.05 },
          },
          timing = "with_case",
        },
        ask = { trust = true, rationale = "override" },
        feedback = function(s)
          if s.variant == "ai_wrong" then
            local flags = "Pain now in both legs, altered sensation when she wipes and new " ..
                          "difficulty starting to pass water are red flags for cauda equina " ..
                          "syndrome, a spinal emergency. "
            local tool = " These began after her GP wrote the letter the tool read: its " ..
                         "reasons came only from that letter, two of them from what it did " ..
                         "not mention."
            return {
              emergency = flags .. "BMJ Best Practice advises immediate referral to hospital " ..
                          "when it is suspected in the community: your local pathway says " ..
                          "where and how fast." .. tool,
              plan = flags .. "Safety-net advice is for symptoms that might start; hers have " ..
                     "started, and she needs referral to hospital today." .. tool,
              gp_mri = flags .. "A letter to her GP and a review in two weeks is far too " ..
                       "slow: she needs referral to hospital today by the local pathway." .. tool,
              rebook = flags .. "An urgent slot next week is still days too late: she needs " ..
                       "referral to hospital today by the local pathway." .. tool,
            }
          end
          local none = "Her story and examination today hold no red flags: no saddle, " ..
                       "bladder or bowel change, no symptoms in the other leg, normal power, " ..
                       "reflexes and sensation, and leg pain that is settling."
          return {
            plan = none .. " The routine priority fits her, and safety-net advice tells her " ..
                   "which new symptoms mean coming back the same day.",
            emergency = none .. " An emergency referral spends her day on tests she does not " ..
                        "need and can leave her more worried.",
            gp_mri = none .. " NICE NG59 advises against routine imaging for low back pain " ..
                     "with or without sciatica in a non-specialist setting; exercise and " ..
                     "advice can start today.",
            rebook = none .. " Nothing makes her urgent; what she needs now is the exercise " ..
                     "plan and safety-net advice, not another wait.",
          }
        end,
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong" then
          head = "MSKFlow Triage's ROUTINE was wrong for the woman in front of you, though " ..
                 "not for the letter it read: her red flags began after her GP wrote it, " ..
                 "and its card says it sees only the letter. Its reasons said as much: " ..
                 "they came only from the referral, two of them from what it did not " ..
                 "mention. "
        else
          head = "MSKFlow Triage's ROUTINE was right: her story and examination today hold " ..
                 "no red flags, and her leg pain is settling. Sending her for tests she " ..
                 "does not need costs her time and can leave her more worried. "
        end
        return head .. "A triage priority is a snapshot of a letter; your assessment is of " ..
               "the patient today, and the screening questions are yours to ask whatever " ..
               "the priority says. BMJ Best Practice lists new bladder or bowel disturbance, " ..
               "altered saddle sensation, and symptoms or weakness in both legs as red flags " ..
               "for cauda equina syndrome, and advises immediate referral to hospital when " ..
               "it is suspected in the community; the British Association of Spine " ..
               "Surgeons calls it a spinal emergency. Follow your local suspected cauda " ..
               "equina pathway for where and how fast."
      end,
    },

    record = {
      title = "Writing up",
      text = function(s)
        local first
        local c = s.choices.assessment
        if s.variant == "ai_wrong" and c == "emergency" then
          first = "You explain why she needs to go to hospital today, ring the on-call " ..
                  "spinal team through the local pathway and arrange her transfer."
        elseif s.variant == "ai_wrong" then
          first = "She goes home with your plan and a leaflet."
        elseif c == "plan" then
          first = "You agree an exercise plan with her and go through the safety-net " ..
                  "leaflet together: she knows which symptoms mean coming back the same day."
        else
          first = "You arrange what you planned. She looks worried: \"So it is serious, " ..
                  "then?\""
        end
        return first .. "\n\nThe referral record now asks for your outcome. Ms Fletcher's " ..
               "question about the computer and her data is still on your mind."
      end,
      elapsed = 20,
      decision = {
        prompt = "What do you record?",
        options = {
          { id = "full", label = "The tool's priority, your own decision and reasons, and " ..
                                 "what you told her" },
          { id = "clinical", label = "Your assessment and plan only; the tool keeps its own " ..
                                     "audit log anyway" },
          { id = "tick", label = "Tick the tool's outcome box and leave the free-text " ..
                                 "fields for later" },
          { id = "nodata", label = "Everything, but not her question about her data, since " ..
                                   "it is not clinical" },
        },
        next = "outcome",
        best = { "full" },
        advice = {
          recommend = "full",
          message = "MSKFlow Triage 2.1 - clinician outcome required\n" ..
                    "Suggested priority: ROUTINE\n" ..
                    "Clinician priority: [confirm / change] - reason required if changed\n" ..
                    "Patient told about automated triage: [yes / no] - details",
          timing = "with_case",
        },
        ask = { trust = true },
        feedback = {
          full = "The tool's priority beside your own decision and reasons is what lets the " ..
                 "service audit it against clinicians; her question about her data, written " ..
                 "down, reaches someone who can answer it.",
          clinical = "The tool's log holds what it suggested, not what you decided or why: " ..
                     "without both side by side nobody can see where tool and clinician " ..
                     "differ, which the service's clinical safety officer needs to know. Her " ..
                     "question about her data also needs recording.",
          tick = "A ticked box records an outcome, not your reasons or what she was told, and " ..
                 "free text left for later is written from memory, if at all. The outcome " ..
                 "prompt asks for a reason whenever you change the priority.",
          nodata = "Her question about her data is part of her care: recorded, it reaches " ..
                   "whoever can answer it; left out, it rests on your memory alone.",
        },
      },
      debrief = "The tool was right to ask for your outcome. A record that shows the tool's " ..
                "priority beside your own decision and reasons is what lets the service " ..
                "audit the tool against clinicians, and its clinical safety officer (DCB0160) " ..
                "needs to hear where they differ: a routine priority overtaken by new red " ..
                "flags is worth telling them about even when the tool read its letter " ..
                "correctly. Writing down what she asked and what you told her means her " ..
                "question reaches someone who can answer it, not only your memory.",
    },

    outcome = {
      title = "Three months later",
      text = "",
      ending = {
        outcome = function(s) return worst(back_outcome(s), talk_outcome(s)) end,
        summary = function(s)
          return BACK_END[s.variant][back_outcome(s)] .. " " .. TALK_END[talk_outcome(s)]
        end,
      },
    },
  },
}
