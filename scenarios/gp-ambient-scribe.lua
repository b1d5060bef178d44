-- The draft note: an ambient scribe in a Friday afternoon surgery.
-- General practice; the trainee is the GP. The practice's ambient voice
-- technology ("ScribeAssist") listens to the consultation and drafts the note.
--   1. consent: a patient asks for it to be switched off. The tool's start
--      screen tells the clinician to say it is in use and that the patient
--      can say no; it is right (both variants). Teaches telling the patient
--      and respecting a refusal: implied consent, not a signature.
--   2. plan: no advice. A 61-year-old ex-smoker with a six-week cough, a
--      chest infection and blood-streaked sputum that began before it; he
--      reports a penicillin reaction (NICE NG12, NICE CG183).
--   3. note: the draft (the tool's output, word for word). In "ai_right" it
--      is accurate. In "ai_wrong" it mis-negates the haemoptysis ("No
--      haemoptysis", said over a phone call), fills the allergy line with a
--      template default ("NKDA") and keeps the side the GP corrected aloud
--      ("L base"): a false negative that invites saving a wrong record. The
--      tool gives no explanation and no confidence, as such tools do not.
-- The draft's plan and assessment lines follow the trainee's own plan, so a
-- wrong draft can contradict itself, as real ones do.
-- Recommend at "note" = save the draft unchanged (the option that accepts the
-- output as it is).
local variants = include("variants")

-- What the GP said aloud, as the draft summarises it, for each plan.
local assessment = {
  amox = "Lower respiratory tract infection.",
  safety = "Lower respiratory tract infection; haemoptysis, probably infective.",
  refer = "Lower respiratory tract infection. Haemoptysis in an ex-smoker aged 61: " ..
          "lung cancer to be excluded.",
  xray = "Lower respiratory tract infection. Haemoptysis in an ex-smoker aged 61: " ..
         "lung cancer to be excluded.",
}
local plan_line = {
  amox = "Amoxicillin course. Review in 1/52 if not improving.",
  safety = "Penicillin-free antibiotic course from the practice formulary. " ..
           "Suspected-cancer referral if haemoptysis recurs.",
  refer = "Penicillin-free antibiotic course from the practice formulary. Urgent " ..
          "CXR requested. Suspected lung cancer pathway referral sent.",
  xray = "No antibiotic for now. Urgent CXR requested; review with the result.",
}

-- The draft note exactly as ScribeAssist shows it.
local function draft(s)
  local right = s.variant == "ai_right"
  local plan = s.choices.plan
  return "Draft consultation note - review before saving\n\n" ..
         "S: 6/52 productive cough; 4/7 fevers and green sputum. " ..
         (right and "Blood-streaked sputum 3-4 times over the past month, before " ..
                    "the fevers began. "
                or "No haemoptysis. ") ..
         "Ex-smoker, approx. 30 pack-years, stopped 5 years ago. Allergies: " ..
         (right and "penicillin (rash and lip swelling in childhood)." or "NKDA.") ..
         "\nO: T 37.9, HR 96, RR 20, SpO2 95% on air, BP 132/80. Crackles " ..
         (right and "R" or "L") .. " base. No clubbing; no cervical lymphadenopathy." ..
         "\nA: " .. assessment[plan] ..
         "\nP: " .. plan_line[plan] .. " Safety-netting advice given."
end

-- What the saved record holds: "accurate", "side" (the side still wrong),
-- "late" (saved wrong, corrected that evening) or "unsafe" (saved wrong).
local function record(s)
  if s.variant ~= "ai_wrong" then return "accurate" end
  local note = s.choices.note
  if note == "fix3" then return "accurate" end
  if note == "fix2" then return "side" end
  if note == "later" then return "late" end
  return "unsafe"
end

local function outcome(s)
  local plan, rec = s.choices.plan, record(s)
  if plan == "amox" or plan == "safety" or rec == "unsafe" then return "harm" end
  if plan == "xray" or rec == "side" or rec == "late" then return "neutral" end
  return "good"
end

-- What happened to Mr Price, from the plan and then from the record.
local plan_story = {
  refer = "The urgent chest X-ray, four days after you saw him, shows a mass at the " ..
          "right hilum with collapse beyond it. He is seen in the lung cancer clinic " ..
          "nine days after your referral; CT and bronchoscopy confirm a tumour, and " ..
          "treatment is planned while it is still confined to the lung.",
  xray = "The urgent chest X-ray, a week after you saw him, shows a mass at the right " ..
         "hilum. You refer him when the report arrives, and he is seen in the lung " ..
         "cancer clinic three weeks after you first saw him: a week later than a " ..
         "referral on the day would have allowed. His chest infection needed a second " ..
         "appointment and an antibiotic two days later.",
  safety = "The antibiotic settles his fever and the blood stops for a while. It comes " ..
           "back seven weeks later; the chest X-ray then shows a mass at the right " ..
           "hilum, and CT shows it has spread to lymph nodes in the chest.",
  amox = "An hour after his first amoxicillin capsule his lips swell and he comes out " ..
         "in hives; he is treated for an allergic reaction in the emergency department " ..
         "and recovers. Nobody requests a chest X-ray until the blood comes back seven " ..
         "weeks later; by then the tumour at his right hilum has spread to lymph nodes " ..
         "in the chest.",
}

local function record_story(s)
  local rec, plan = record(s), s.choices.plan
  if rec == "side" then
    return " Your saved note still says crackles at the left base. The radiographer, " ..
           "seeing right-sided changes on the film, queries the request, and the record " ..
           "is corrected the next day."
  elseif rec == "late" then
    return " You get back to the draft at 19:10 and correct it, but the allergy entry " ..
           "and the request forms generated from it at 16:05 carried its errors, and " ..
           "the practice team spends the next morning finding and correcting them."
  elseif rec == "unsafe" then
    if plan == "amox" then
      return " His record still says 'NKDA' and 'No haemoptysis': the next person to " ..
             "read it will believe both."
    end
    return "Five days after you saw him he rings, feeling worse. The duty doctor reads " ..
           "your note ('NKDA', 'No haemoptysis'), judges the first antibiotic has " ..
           "failed, and sends co-amoxiclav. Mr Price does not know it contains a " ..
           "penicillin; two hours after the first dose his lips swell and he comes out " ..
           "in hives, and he is treated for an allergic reaction in the emergency " ..
           "department. "
  end
  return " The note you saved carried the blood-streaked sputum and the penicillin " ..
         "reaction into his record and into every letter written from it."
end

-- Minutes from the draft to the ending: seven weeks when the blood had to come
-- back before anyone acted on it, three weeks otherwise.
local function weeks_on(s)
  local plan = s.choices.plan
  return (plan == "amox" or plan == "safety") and 7 * 7 * 24 * 60 or 3 * 7 * 24 * 60
end

-- The record's harm, when there is one, comes first: it happens within days.
local function ending_text(s)
  if record(s) == "unsafe" and s.choices.plan ~= "amox" then
    return record_story(s) .. plan_story[s.choices.plan]
  end
  return plan_story[s.choices.plan] .. record_story(s)
end

return case {
  format = 1,
  id = "gp-ambient-scribe",
  version = "1.0",
  title = "Friday surgery: a cough, a draft note and a signature",
  summary = "A running-late Friday afternoon surgery. The practice's ambient scribe " ..
            "listens to each consultation and drafts your notes; you decide what goes " ..
            "in the record.",
  objectives = {
    "Tell patients at the start that an ambient scribe is in use, and respect a " ..
      "refusal without asking for a signature",
    "Check an AI-drafted note line by line against the consultation before saving it: " ..
      "once saved, you are accountable for what it says",
    "Recognise omitted, mis-negated, invented and side-swapped content in a generated note",
    "Act on haemoptysis and a persistent cough at 40 or over in someone who has smoked " ..
      "(NICE NG12)",
    "Record a drug allergy with the drug and the reaction, and check it before " ..
      "prescribing (NICE CG183)",
  },
  authors = { "Appraise project" },
  references = {
    "NHS England (2025) Guidance on the use of AI-enabled ambient scribing products in " ..
      "health and care settings",
    "NHS England. Using AI-enabled ambient scribing products in health and care settings " ..
      "(information governance guidance)",
    "General Medical Council (2024) Good medical practice",
    "General Medical Council. Artificial intelligence and innovative technologies " ..
      "(professional standards learning materials)",
    "NICE NG12 (2015, updated) Suspected cancer: recognition and referral",
    "NICE CG183 (2014) Drug allergy: diagnosis and management",
    "NHS England. Learn from patient safety events (LFPSE) service",
  },
  tags = { "primary-care", "documentation", "ambient-scribe" },
  minutes = 9,
  variants = { "ai_right", "ai_wrong" },
  x_setting = "primary_care",
  x_profession = "gp",
  x_failure_modes = { "false_negative", "ai_right" },
  x_ai_errors = { "ai_wrong/note false_negative" },
  x_tool_types = { "ambient_scribe" },
  x_explanations = { "none" },

  patient = {
    setting = "GP surgery, Friday afternoon surgery (running 40 minutes late)",
  },

  ai = {
    name = "ScribeAssist", version = "3.2",
    kind = "ambient voice technology (AI scribe)",
    intended_use = "Listens to the consultation and drafts a structured note for the " ..
                   "clinician to review and edit before saving. Not for clinical " ..
                   "decision-making.",
    trained_on = "A general-purpose large language model adapted by the supplier on " ..
                 "transcribed UK primary care consultations; the supplier does not " ..
                 "publish the details",
    limitations = {
      "May omit, misattribute or mis-negate statements",
      "May insert template defaults for sections that were not clearly heard",
      "Accuracy falls with background noise and overlapping speech",
      "Self-corrections ('left - sorry, right') may not be followed",
      "Gives no explanation or confidence for any line of the draft",
      "Registered with the MHRA as a Class I medical device; deployed by the practice " ..
        "after a DCB0160 clinical safety assessment and a data protection impact " ..
        "assessment",
    },
  },

  start_time = "15:30",       -- the time of day at the start; the header adds the case clock
  start = "consent",
  nodes = {
    consent = {
      title = "15:30, the first patient of the afternoon",
      text = "The practice switched on ScribeAssist a month ago; a poster in the waiting " ..
             "room explains it. The microphone sits on your desk.\n\nMs Farah Begum, 34, " ..
             "has come to review her low mood. Before you have said anything she points " ..
             "at the microphone: \"Is that thing recording? I'd rather it wasn't, if " ..
             "that's all right. Not with what I want to talk about.\"",
      decision = {
        prompt = "What do you do?",
        options = {
          { id = "off", label = "Switch it off, tell her that is fine, and note that she " ..
                                "declined" },
          { id = "reassure", label = "Explain that the audio is deleted once the note is " ..
                                     "saved, and carry on" },
          { id = "form", label = "Ask her to sign the practice's consent form before you " ..
                                 "decide together" },
          { id = "pause", label = "Keep it running, but pause it for anything she says is " ..
                                  "private" },
        },
        next = "price",
        best = { "off" },
        advice = {
          recommend = "off",
          confidence = nil,
          message = "ScribeAssist 3.2 - ready\n" ..
                    "Before you start, tell the patient that an AI scribe will listen and " ..
                    "draft your notes, and that they can ask you to switch it off.\n" ..
                    "[Start recording]   [Not for this consultation]",
          timing = "with_case",
        },
        ask = { confidence = true, rationale = "override" },
        feedback = {
          off = "She relaxes, and the consultation goes on without it. NHS England's " ..
                "information governance guidance on ambient scribes says patients can ask " ..
                "for one not to be used and their choice will be respected, as the start " ..
                "screen said; recording that she declined tells the next clinician.",
          reassure = "She shrugs, says \"I suppose so\", and says much less than she came to " ..
                     "say. Explaining how the audio is handled is good practice, but not a " ..
                     "way round a refusal: the guidance says her choice is respected.",
          form = "She looks uneasy and signs. For direct care NHS England gives the likely " ..
                 "legal basis as implied consent under the common law duty of " ..
                 "confidentiality: what she is owed is to be told and to have her 'no' " ..
                 "respected, not a form, and a signature can make a refusal harder to voice.",
          pause = "She shrugs and says much less than she came to say. Pausing for the parts " ..
                  "she picks still records what she asked you not to, and leaves her to " ..
                  "police the microphone; she asked for it off.",
        },
      },
      debrief = "ScribeAssist's start screen was right, and so was switching it off. " ..
                "NHS England's information governance guidance on ambient scribes says " ..
                "clinicians should tell patients at the start that one is in use, that " ..
                "patients can ask for it not to be used, and that their choice will be " ..
                "respected. For direct care it gives the likely legal basis as implied " ..
                "consent under the common law duty of confidentiality (with UK GDPR " ..
                "Articles 6(1)(e) and 9(2)(h)), so a signed form is not what is needed, " ..
                "and can make a refusal harder to voice. Explaining how the audio is " ..
                "handled is good practice, but not a way round a 'no', and pausing it " ..
                "for the parts she chooses still records what she asked you not to. " ..
                "Record the choice, so the next clinician knows.",
    },

    price = {
      title = "15:55, Mr Price",
      elapsed = 25,
      text = "Mr Alan Price, 61, registered with the practice last month; his old records " ..
             "have not arrived and nothing is recorded under allergies. You tell him, as " ..
             "you tell everyone, that a program listens and drafts your notes, that you " ..
             "check them before they are saved, and that you can switch it off. \"Fine by " ..
             "me,\" he says, \"as long as you read what it writes.\"\n\nHe has had a cough " ..
             "for six weeks; for the last four days, fevers and green phlegm. As you ask " ..
             "about blood his phone rings, and he talks over it: \"Yes, a bit of blood, " ..
             "just streaks - no, love, I'm at the doctor's - three or four times this " ..
             "month, before this cold started.\" He takes amlodipine for blood pressure, " ..
             "and stopped smoking five years ago after about 30 pack-years. Asked about " ..
             "allergies: \"Penicillin. I came out in a rash and my lips swelled up when I " ..
             "was a boy. Never had it since.\"\n\nTemperature 37.9 °C, pulse 96, " ..
             "respiratory rate 20, SpO2 95% on air, BP 132/80. Listening at his back you " ..
             "say aloud, \"Crackles at the left - sorry, the right base,\" and find nothing " ..
             "else: no clubbing, no lymph nodes in his neck. He asks what happens now.",
      vitals = { hr = 96, sbp = 132, dbp = 80, rr = 20, spo2 = 95, temp = 37.9, avpu = "A",
                 o2 = "air" },
      next = "plan",
    },

    plan = {
      title = "The plan",
      text = "Mr Price is waiting for your answer. You are now 45 minutes behind.",
      decision = {
        prompt = "What do you tell Mr Price you will do?",
        options = {
          { id = "amox", label = "Amoxicillin for the chest infection; review in a week if " ..
                                 "he is no better" },
          { id = "safety", label = "A penicillin-free antibiotic; refer for suspected " ..
                                   "cancer if the blood returns" },
          { id = "refer", label = "A penicillin-free antibiotic, urgent chest X-ray and " ..
                                  "suspected-cancer referral" },
          { id = "xray", label = "No antibiotic for now; an urgent chest X-ray, and review " ..
                                 "him with the result" },
        },
        next = "note",
        best = { "refer" },
        ask = { confidence = true },
        feedback = {
          refer = "He is over 40 with unexplained haemoptysis: NICE NG12 recommends a " ..
                  "suspected-cancer pathway referral, and blood that began before this " ..
                  "infection is not explained by it. A penicillin-free antibiotic treats " ..
                  "the infection safely (NICE CG183).",
          safety = "The blood has already happened: at 40 or over, unexplained haemoptysis is " ..
                   "a reason for a suspected-cancer pathway referral now (NICE NG12), and it " ..
                   "began before this infection, so the infection does not explain it. " ..
                   "Waiting for it to come back costs weeks.",
          amox = "His reaction to penicillin rules out amoxicillin: NICE CG183 asks you to " ..
                 "check allergy status before prescribing. " ..
                 "And blood that began before this infection needs a suspected-cancer " ..
                 "referral now (NICE NG12), not a review in a week.",
          xray = "An urgent chest X-ray fits his six-week cough at 61 as an ex-smoker, but " ..
                 "unexplained haemoptysis at 40 or over is itself a reason for a " ..
                 "suspected-cancer pathway referral (NICE NG12); request both today. His " ..
                 "chest infection, with fever and green sputum, needs treating now too.",
        },
      },
      debrief = "NICE NG12 recommends a suspected-cancer pathway referral for anyone aged " ..
                "40 or over with unexplained haemoptysis, and an urgent chest X-ray " ..
                "(within two weeks) for people aged 40 or over who have smoked and have " ..
                "an unexplained cough; a persistent or recurrent chest infection at that " ..
                "age is another reason to consider one. Blood that began before this " ..
                "infection is not explained by it: refer today, and request the X-ray " ..
                "alongside, as many local pathways ask. Waiting for the blood to come " ..
                "back costs weeks. The infection needs treating as well, and a reaction " ..
                "with lip swelling rules out amoxicillin: NICE CG183 asks you to check " ..
                "allergy status with the patient before prescribing. Choose a " ..
                "penicillin-free antibiotic from your formulary.",
    },

    note = {
      title = "16:05, the draft",
      elapsed = 10,
      text = "Mr Price has gone. Your next patient has been waiting for 45 minutes, and " ..
             "ScribeAssist has finished its draft.",
      decision = {
        prompt = "What do you do with the draft?",
        options = {
          { id = "save", label = "Save the draft unchanged: it matches the consultation" },
          { id = "fix2", label = "Correct the lines you are sure are wrong, then save it" },
          { id = "fix3", label = "Check each line against the consultation, correct, then save" },
          { id = "later", label = "Save it now, and correct anything at the end of surgery" },
        },
        next = function(s) return "end_" .. outcome(s) end,
        best = variants.pick { ai_right = { "save", "fix3" }, ai_wrong = { "fix3" } },
        advice = {
          recommend = "save",
          confidence = nil,
          message = draft,
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = function(s)
          if s.variant == "ai_wrong" then
            local errs = "The draft said 'No haemoptysis' where he told you of blood three or " ..
                         "four times, 'NKDA' where he told you penicillin made his lips swell, " ..
                         "and 'L base' where you corrected yourself to the right."
            return {
              fix3 = errs .. " It read fluently and gave no sign of any of them: only a " ..
                     "line-by-line check against the consultation finds them all.",
              save = errs .. " It read fluently and gave no explanation or confidence, so " ..
                     "only a check against the consultation could find them; once saved, the " ..
                     "record is yours (GMC, Good medical practice).",
              fix2 = errs .. " Correcting what you are sure of catches the errors you " ..
                     "expect; a side you corrected aloud is the kind that slips through, and " ..
                     "only a line-by-line check finds them all.",
              later = errs .. " Saved at once, the note was the record: the allergy entry " ..
                      "and any forms made from it carried the errors before the end of " ..
                      "surgery.",
            }
          end
          local ok = "Every line of the draft matched what was said and found: the blood, " ..
                     "the penicillin reaction with the lip swelling, and the right base."
          return {
            fix3 = ok .. " Checking found nothing to correct, which is what a check usually " ..
                   "finds, and why it is so easy to drop.",
            save = ok .. " Saving it was right once you had read it against the " ..
                   "consultation; once saved, you are accountable for it: Good medical practice asks for " ..
                   "clear, accurate records.",
            fix2 = ok .. " There was nothing to correct; only reading each line against the " ..
                   "consultation tells you that, and 'correcting' from memory can put errors " ..
                   "in.",
            later = ok .. " Saving unread was safe only by luck: a saved note is the record " ..
                    "at once, and forms and letters are made from it before the end of surgery.",
          }
        end,
      },
      debrief = function(s)
        local what
        if s.variant == "ai_wrong" then
          what = "The draft read well and was wrong three times. The answer about blood " ..
                 "came over a phone call and was turned into its opposite; the allergy " ..
                 "line was filled with a default he never gave; and the side you " ..
                 "corrected aloud was kept as you first said it. Omission, mis-negation, " ..
                 "invented defaults and swapped sides are the errors the model card " ..
                 "lists, and the draft gave no sign of any of them. 'No known drug " ..
                 "allergies' is itself a recorded answer: written over a reaction he " ..
                 "described, it is a false entry the next prescriber will trust (NICE " ..
                 "CG183 asks for the drug, the reaction and when it happened). Report " ..
                 "the errors, even though you caught them, through the practice's " ..
                 "incident process (in England, the national LFPSE service for practices " ..
                 "without a local system), so the clinical safety officer responsible for " ..
                 "the tool and the supplier can act on them."
        else
          what = "Here the draft was accurate: it caught the blood through the phone " ..
                 "call, the penicillin reaction, and the side you corrected aloud. Saving " ..
                 "it after reading it against the consultation was right. 'Correcting' " ..
                 "lines that were right costs time you do not have and can put errors in; " ..
                 "saving unread with a plan to come back was safe only by luck. Scribes are " ..
                 "usually right, which is exactly what makes checking hard to keep up."
        end
        return what .. " Once saved, the note is yours, not the tool's: Good medical " ..
               "practice (GMC, 2024) asks that records be clear, accurate, " ..
               "contemporaneous and legible, and national guidance on ambient scribes " ..
               "expects the clinician to check every draft before it enters the record. " ..
               "The scribe drafts; you decide what the record says."
      end,
    },

    end_good = {
      title = "What happened next",
      elapsed = weeks_on,
      text = ending_text,
      ending = {
        outcome = "good",
        summary = "An accurate record, a safe antibiotic, and a suspected lung cancer " ..
                  "referred on the day he told you of the blood.",
      },
    },

    end_neutral = {
      title = "What happened next",
      elapsed = weeks_on,
      text = ending_text,
      ending = {
        outcome = "neutral",
        summary = function(s)
          local parts = {}
          if s.choices.plan == "xray" then
            parts[#parts + 1] = "A week lost to his referral, and a chest infection left " ..
                                "untreated for two days."
          end
          if record(s) ~= "accurate" then
            parts[#parts + 1] = "A record that had to be corrected after it had already " ..
                                "been used."
          end
          return table.concat(parts, " ")
        end,
      },
    },

    end_harm = {
      title = "What happened next",
      elapsed = weeks_on,
      text = ending_text,
      ending = {
        outcome = "harm",
        summary = function(s)
          local plan, parts = s.choices.plan, {}
          if plan == "amox" or record(s) == "unsafe" then
            parts[#parts + 1] = "An allergic reaction to a penicillin he had told you he " ..
                                "could not take."
          end
          if plan == "amox" or plan == "safety" then
            parts[#parts + 1] = "A lung cancer found seven weeks late, after a plan that " ..
                                "did not act on the blood he described."
          elseif plan == "xray" then
            parts[#parts + 1] = "A week lost to his referral."
          end
          return table.concat(parts, " ")
        end,
      },
    },
  },
}
