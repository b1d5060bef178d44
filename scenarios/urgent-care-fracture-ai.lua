-- Urgent treatment centre: an ankle, a wrist and a software update.
-- Urgent care; the trainee is the emergency nurse practitioner. The centre's
-- fracture-detection software (an image classifier) was updated from
-- version 2.4 to 3.0 a week ago. One patient, two films:
--   ankle - the tool is right in both variants: it boxes an undisplaced
--     lateral malleolus fracture that the trainee's own first look (told in
--     the text) did not find. Advice comes after the trainee's first choice,
--     so overruling a correct flag shows in the log (failure mode ai_right).
--   wrist - the update matters. Version 3.0 reads a standard two-view wrist
--     series for the distal radius and ulna only and leaves the scaphoid to
--     a dedicated scaphoid series; its model card and release note say so.
--     In "ai_wrong" it prints only "NO FRACTURE DETECTED" (a false negative,
--     outside its new scope, which only the card reveals); in "ai_right" its
--     output says the scaphoid was not assessed and points to the local
--     pathway. Snuffbox tenderness is the clinical cue in both.
--   huddle - no advice: what to do about an update that changed behaviour.
-- No real product is named. Facts (see the references): NICE HTE20 allows
-- such tools as an aid to the clinician's own reading while evidence is
-- gathered, reports missed or delayed fracture diagnosis in about 3% to 10%
-- of cases, and notes that hot reporting (NICE NG38) is often not available;
-- NG38's own context names the scaphoid as a fracture easily missed with a
-- potential for a poor long-term outcome; the MHRA/FDA/Health Canada
-- principles for planned changes to machine-learning devices ask for
-- transparency to users; DCB0160 puts the deployment's clinical risk with
-- the organisation and its clinical safety officer. Hedged: NG38's scaphoid
-- imaging advice (consider MRI) was seen only as quoted by Dean et al.
-- (2021), so options and debriefs say "follow the local imaging pathway";
-- the ankle fracture's boot and crutches are "the centre's pathway".
local variants = include("variants")

-- The story of the weeks after, for the ending.
local function ankle_story(s)
  if s.choices.ankle == "fracture" or s.choices.ankle == "relook" then
    return "Her ankle fracture healed in the boot, and the fracture clinic discharged " ..
           "her at six weeks."
  end
  return "The formal report three days later described an undisplaced fracture of the " ..
         "lateral malleolus; she was recalled, put in a boot and referred to the fracture " ..
         "clinic after three days of walking on it."
end

local function wrist_story(s)
  local wrist = s.choices.wrist
  if wrist == "splint" then
    return "Through the local pathway, an MRI six days later showed an undisplaced " ..
           "fracture of the scaphoid waist. She was already splinted; she went into a " ..
           "cast under the fracture clinic, and the fracture united."
  elseif wrist == "report" then
    return "The formal report three days later found no fracture on the two views and " ..
           "advised scaphoid views or MRI for clinical suspicion. She was recalled and " ..
           "splinted, and an MRI showed an undisplaced fracture of the scaphoid waist, " ..
           "four days after the injury."
  end
  return "She came back three weeks later with a painful, weak wrist. An MRI showed a " ..
         "fracture of the scaphoid waist. It was immobilised three weeks late, and the " ..
         "fracture clinic told her it might not unite and could need an operation."
end

-- Feedback texts. Facts as in the header and the debriefs (NICE HTE20,
-- NG38, DCB0160, the MHRA Yellow Card for software and AI); see
-- docs/clinical-checks/feedback-round.md.
local ankle_tool = " NICE HTE20 allows such tools as an aid alongside your own reading: a box " ..
                   "you did not expect is a reason to look again at exactly that place."
local line = "a thin, undisplaced line through the lateral malleolus, easy to read past when " ..
             "the swelling draws the eye"

local function wrist_feedback(s)
  local tool
  if s.variant == "ai_wrong" then
    tool = " BoneScan's \"NO FRACTURE DETECTED\" was never a verdict on the scaphoid: since " ..
           "version 3.0 it reads a standard wrist series for the distal radius and ulna " ..
           "only, and only its model card and release note said so."
  else
    tool = " BoneScan said the scaphoid was not assessed on a standard wrist series, and " ..
           "that was the part to act on: a negative result covers only what a tool reads."
  end
  local suspect = "Tenderness in the snuffbox and over the scaphoid tubercle after a fall on " ..
                  "the outstretched hand is a suspected scaphoid fracture until shown " ..
                  "otherwise, whatever the first films show"
  local ng38 = "NICE NG38 names the scaphoid as a fracture easily missed, with a potential " ..
               "for a poor long-term outcome"
  return {
    splint = suspect .. ", and " .. ng38 .. ". The splint protects it while the local " ..
             "imaging pathway finds the answer." .. tool,
    discharge = suspect .. ", and " .. ng38 .. "." .. tool,
    views = "Scaphoid views that look normal on the day do not exclude a scaphoid " ..
            "fracture. " .. suspect ..
            ", and " .. ng38 .. "." .. tool,
    report = suspect .. ", and " .. ng38 .. ". Waiting for the report leaves the wrist " ..
             "unprotected in the meantime." .. tool,
  }
end

local cso = "the clinical safety officer, who assessed the tool before go-live (DCB0160), can " ..
            "change the hazard log, the wrist protocol and training for everyone"

return case {
  format = 1,
  id = "urgent-care-fracture-ai",
  version = "1.0",
  title = "Urgent treatment centre: an ankle, a wrist and a software update",
  summary = "A woman has fallen down the stairs at work and hurt her ankle and her wrist. " ..
            "You are the emergency nurse practitioner. The centre's fracture-detection " ..
            "software was updated last week; decide what each X-ray means for her.",
  objectives = {
    "Read the film yourself, then look again wherever a fracture-detection tool points",
    "Manage a suspected scaphoid fracture on the clinical findings when the first " ..
      "X-rays look normal",
    "Read the model card and release note after every update to a tool you use",
    "Tell the clinical safety officer when an update changes what a tool does",
  },
  authors = { "Appraise project" },
  references = {
    "NICE HTE20 (2025) Artificial intelligence (AI) technologies to help detect " ..
      "fractures on X-rays in urgent care (early value assessment)",
    "NICE NG38 (2016) Fractures (non-complex): assessment and management",
    "Dean BJF, on behalf of the SUSPECT study group (2021) The management of suspected " ..
      "scaphoid fractures in the UK: a national cross-sectional study. Bone & Joint Open",
    "MHRA, FDA and Health Canada (2023) Predetermined change control plans for machine " ..
      "learning-enabled medical devices: guiding principles",
    "NHS England (2018) DCB0160 Clinical risk management: its application in the " ..
      "deployment and use of health IT systems",
    "MHRA Yellow Card scheme: Software, apps and artificial intelligence (AI) reporting",
  },
  tags = { "urgent-care", "musculoskeletal", "imaging", "nurse-practitioner" },
  minutes = 8,
  variants = { "ai_right", "ai_wrong" },
  x_setting = "urgent_care",
  x_profession = "emergency_nurse_practitioner",
  x_failure_modes = { "ai_right", "false_negative", "out_of_scope" },
  x_ai_errors = { "ai_wrong/wrist false_negative" },
  x_tool_types = { "image_classifier" },

  patient = {
    name = "Chloe Barker", age = 29, sex = "F",
    setting = "Urgent treatment centre",
    complaint = "Fell down four stairs at work: painful right ankle and left wrist",
    history = { "Mild asthma", "Right-handed" },
    medications = { "Salbutamol inhaler when needed" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 84, sbp = 124, dbp = 76, rr = 14, spo2 = 99, temp = 36.6, avpu = "A",
             pain = 6 },

  ai = {
    name = "BoneScan Assist", version = "3.0",
    kind = "fracture detection (image classifier)",
    intended_use = "Flags suspected fractures on limb X-rays of adults and children aged 2 " ..
                   "and over in urgent care, for the clinician's own review; it does not " ..
                   "issue a report",
    performance = { sensitivity = 0.91, specificity = 0.90 },
    trained_on = "Version 3.0: 310,000 limb radiographs from emergency departments in " ..
                 "France, the UK and the USA, 2015-2023; performance from the developer's " ..
                 "own test set",
    limitations = {
      "Gives one of FRACTURE, DOUBT or NO FRACTURE DETECTED, with a box on the image for " ..
        "the first two; it gives no other explanation",
      "Release note, version 3.0 (installed last week): new model; higher specificity; " ..
        "fewer DOUBT results",
      "Since version 3.0 the scaphoid is assessed only on a dedicated scaphoid series: a " ..
        "standard two-view wrist series is read for the distal radius and ulna only",
      "Evaluated by NICE as an early value assessment (HTE20): to be used alongside the " ..
        "clinician's own reading; every film is still formally reported",
      "No published evaluation in NHS urgent care yet",
    },
  },

  start_time = "11:20",       -- the time of day at the start; the header adds the case clock
  start = "arrival",
  nodes = {
    arrival = {
      title = "Minors, cubicle 3",
      text = "You are the emergency nurse practitioner on the minors side of the urgent " ..
             "treatment centre. Ms Barker, a warehouse supervisor, missed the bottom four " ..
             "stairs at work while carrying a box. She went over on her right ankle and " ..
             "put out her left hand to break the fall.\n\nHer right ankle is swollen on " ..
             "the outside and tender at the tip and posterior edge of the lateral " ..
             "malleolus; she managed two steps in the department with help. Her left " ..
             "wrist is not deformed, but she is tender in the anatomical snuffbox and " ..
             "over the scaphoid tubercle, and pressing her thumb along its length towards " ..
             "the wrist hurts.\n\nTriage requested X-rays under the centre's protocol: " ..
             "three views of the ankle and the standard two views of the wrist. On the " ..
             "staff-room door is a notice: \"BoneScan Assist updated to version 3.0 on " ..
             "Tuesday. New model, fewer DOUBT results. Release note on the model card.\" " ..
             "Colleagues say the old version marked DOUBT on the scaphoid of half the " ..
             "wrists it saw.",
      next = "ankle",
    },

    ankle = {
      title = "The ankle films",
      text = "The three ankle views are on the screen. As you always do, you read them " ..
             "yourself before opening BoneScan's overlay. On your first look there is " ..
             "soft-tissue swelling over the lateral malleolus, the joint looks congruent, " ..
             "and you see no fracture line you are sure of.",
      elapsed = 40,
      decision = {
        prompt = "What is your plan for her ankle?",
        options = {
          { id = "fracture", label = "Manage as an ankle fracture: immobilise, crutches, " ..
                                     "fracture clinic referral", next = "ankle_plan" },
          { id = "relook", label = "Go back over the films, zoomed in, before settling " ..
                                   "on a plan", next = "ankle_relook" },
          { id = "sprain", label = "Manage as a sprain: advice, analgesia, weight bearing " ..
                                   "as able", next = "ankle_sprain" },
          { id = "report", label = "Manage as a sprain for now; recall her if the formal " ..
                                   "report differs", next = "ankle_sprain" },
        },
        best = { "fracture", "relook" },
        advice = {
          recommend = "fracture",
          confidence = nil,
          message = "FRACTURE - distal fibula (lateral malleolus).\nRegion boxed on the " ..
                    "mortise and lateral views.",
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          fracture = "The box pointed to " .. line .. "." .. ankle_tool,
          relook = "Going back to the films, zoomed in, where the box points is the habit " ..
                   "that finds " .. line .. "." .. ankle_tool,
          sprain = "Your first read was normal, but the box pointed to " .. line .. ": " ..
                   "fractures are missed or diagnosed late in about 3% to 10% of urgent care " ..
                   "cases (NICE HTE20). A box you did not expect is a reason to look again at " ..
                   "exactly that place.",
          report = "The box pointed to " .. line .. ", and the formal report follows in " ..
                   "days: NICE NG38 recommends a definitive report before discharge, but " ..
                   "HTE20 notes this is not always possible in practice." .. ankle_tool,
        },
      },
      debrief = "BoneScan was right: an undisplaced oblique fracture of the lateral " ..
                "malleolus, a thin line that is easy to read past when the swelling draws " ..
                "the eye. NICE HTE20 reports that fractures are missed, or their diagnosis " ..
                "delayed, in around 3% to 10% of cases in urgent care, and allows four such " ..
                "tools to be used as an aid while evidence is gathered. The careful habit is " ..
                "the one you started with - read the film yourself first - and the one that " ..
                "follows it: where the tool draws a box you did not expect, look again at " ..
                "exactly that place before you accept or reject the flag. Dismissing a " ..
                "correct flag because your first read was normal is the error this decision " ..
                "shows. The formal report follows in days: NICE NG38 recommends a definitive " ..
                "report before discharge (hot reporting), but HTE20 notes that in practice " ..
                "this is not always possible.",
    },

    ankle_relook = {
      title = "A second look",
      text = "You zoom in on the mortise view and narrow the window. A thin oblique lucent " ..
             "line runs through the lateral malleolus at the level of the joint, without " ..
             "displacement; now that you know where to look, it is on the lateral view " ..
             "too.",
      elapsed = 3,
      next = "ankle_plan",
    },

    ankle_plan = {
      title = "The ankle",
      text = "You explain the fracture. She goes into a walking boot with crutches, as the " ..
             "centre's ankle fracture pathway sets out, and is booked into the fracture " ..
             "clinic.",
      elapsed = 15,
      next = "wrist",
    },

    ankle_sprain = {
      title = "The ankle",
      text = "You explain that it looks like a bad sprain and go through rest, elevation, " ..
             "pain relief and walking as pain allows, with a leaflet.",
      elapsed = 10,
      next = "wrist",
    },

    wrist = {
      title = "The wrist films",
      text = "The two wrist views are up. On your own look the distal radius and ulna are " ..
             "intact and well aligned, and you see no fracture of the carpal bones on these " ..
             "views. Ms Barker is still tender in the snuffbox, and asks whether she can go " ..
             "back to work tomorrow.",
      elapsed = 5,
      decision = {
        prompt = "What is your plan for her wrist?",
        options = {
          { id = "discharge", label = "Wrist sprain: analgesia and advice, no splint, no " ..
                                      "follow-up", next = "wrist_home" },
          { id = "splint", label = "Suspected scaphoid fracture: splint, and the local " ..
                                   "imaging pathway", next = "wrist_splint" },
          { id = "views", label = "Possible scaphoid injury: scaphoid views now, no splint " ..
                                  "if clear", next = "scaphoid_views" },
          { id = "report", label = "Wrist sprain for now: act on the formal report when it " ..
                                   "arrives", next = "wrist_home" },
        },
        best = { "splint" },
        advice = variants.advice({ confidence = nil, timing = "after_initial" }, {
          ai_right = {
            recommend = "splint",
            message = "NO FRACTURE DETECTED - distal radius, distal ulna.\nSCAPHOID NOT " ..
                      "ASSESSED on a standard wrist series: a dedicated scaphoid series is " ..
                      "required. If scaphoid injury is suspected clinically, follow your " ..
                      "local pathway.",
          },
          ai_wrong = {
            recommend = "discharge",
            message = "NO FRACTURE DETECTED.",
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = wrist_feedback,
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong" then
          head = "BoneScan's \"NO FRACTURE DETECTED\" was wrong, and it was never a verdict " ..
                 "on the scaphoid: since version 3.0 the tool reads a standard two-view " ..
                 "wrist series for the distal radius and ulna only. Only its model card and " ..
                 "release note said so; its output looked the same as before. A negative " ..
                 "result means \"nothing found in what I was built to read\", and an update " ..
                 "can quietly change what that is."
        else
          head = "BoneScan was right, and said what it had not done: since version 3.0 it " ..
                 "reads a standard wrist series for the distal radius and ulna only, and " ..
                 "its output told you the scaphoid was not assessed. A tool that states the " ..
                 "limits of a negative result is easier to use safely; not every tool does, " ..
                 "and an update can change those limits without changing how the output " ..
                 "looks."
        end
        return head .. " The careful cue was the patient: tenderness in the anatomical " ..
               "snuffbox and over the scaphoid tubercle after a fall on the outstretched " ..
               "hand is a suspected scaphoid fracture until shown otherwise, whatever the " ..
               "first films show. NICE NG38 names the scaphoid as an example of a fracture " ..
               "that can appear minor and be easily missed but has the potential for a poor " ..
               "long-term outcome. Splint the wrist and follow your local imaging pathway: " ..
               "NICE advises considering MRI, and UK surveys find most centres use repeat " ..
               "X-rays or MRI through fracture services. Scaphoid views that look normal on " ..
               "the day do not exclude it, and waiting for the report leaves the wrist " ..
               "unprotected in the meantime."
      end,
    },

    scaphoid_views = {
      title = "Scaphoid views",
      text = "The radiographer takes a scaphoid series. BoneScan reads it: NO FRACTURE " ..
             "DETECTED. You see no fracture line either. She goes home without a splint, " ..
             "with advice and pain relief.",
      elapsed = 45,
      next = "huddle",
    },

    wrist_home = {
      title = "Home",
      text = "She goes home without a splint, with advice and pain relief for the wrist.",
      elapsed = 10,
      next = "huddle",
    },

    wrist_splint = {
      title = "Splinted",
      text = "You explain that a scaphoid fracture often does not show on the first films. " ..
             "Her wrist goes into a splint and you refer her on the centre's suspected " ..
             "scaphoid pathway, with advice to keep the splint on until she is reviewed.",
      elapsed = 15,
      next = "huddle",
    },

    huddle = {
      title = "The 16:00 safety huddle",
      text = "At the afternoon huddle a colleague says: \"Has anyone else noticed BoneScan " ..
             "hasn't put DOUBT on a single scaphoid since Tuesday? I had two wrists tender " ..
             "in the snuffbox this week, and it called both clear.\" The lead nurse asks who " ..
             "will pick it up, and looks at you.",
      -- The huddle is at 16:00 (11:20 + 280 minutes), however long the morning took.
      elapsed = function(s) return 280 - s.clock end,
      decision = {
        prompt = "What do you do about the update?",
        options = {
          { id = "self", label = "Tell the nurse in charge, and raise it at next month's " ..
                                 "team meeting" },
          { id = "cso", label = "Tell the clinical safety officer what changed, and report " ..
                                "it as a safety concern" },
          { id = "stop", label = "Stop using the overlay on wrist films, and tell your " ..
                                 "colleagues why" },
          { id = "supplier", label = "Email the supplier's helpdesk with the case and the " ..
                                     "version number" },
        },
        next = "weeks_later",
        best = { "cso" },
        ask = { confidence = true },
        feedback = {
          cso = "A model update changes a medical device and how your centre uses it, and " ..
                cso .. ". Report the near misses on the local incident system too; where the " ..
                "tool's output contributed to a missed or delayed diagnosis, the MHRA's " ..
                "Yellow Card scheme takes reports about software and AI.",
          self = "The nurse in charge should know, but next month's meeting leaves a month " ..
                 "of wrists read the new way: " .. cso .. ", and the near misses belong on " ..
                 "the local incident system now.",
          stop = "Working round the tool yourself protects your own patients and leaves your " ..
                 "colleagues' where they were: " .. cso .. ". The near misses belong on the " ..
                 "local incident system.",
          supplier = "The supplier should hear, but not instead: the centre owns the clinical " ..
                     "risk of how it uses the tool, and " .. cso .. ". The near misses belong " ..
                     "on the local incident system.",
        },
      },
      debrief = "A model update is a change to a medical device and to how your centre " ..
                "uses it. The principles the MHRA, the FDA and Health Canada published for " ..
                "planned changes to machine-learning devices (2023) ask manufacturers to be " ..
                "transparent with users about what changed; here the change sat in a release " ..
                "note few had read, while the centre's triage protocol still ordered the " ..
                "standard wrist series. Your organisation assessed the tool for clinical " ..
                "safety before go-live (DCB0160), and its clinical safety officer needs to " ..
                "hear when an update changes what it does, so that the hazard log, the wrist " ..
                "imaging protocol and staff training can change with it. Report it on the " ..
                "local incident system as well: a near miss is reportable. If the tool's " ..
                "output contributed to a missed or delayed diagnosis, the MHRA's Yellow Card " ..
                "scheme takes reports about software and AI as a medical device; give the " ..
                "version number. Working round the tool on your own, or waiting for the " ..
                "supplier, leaves your colleagues and their patients where they were.",
    },

    weeks_later = {
      title = "Six weeks later",
      text = function(s)
        return ankle_story(s) .. "\n\n" .. wrist_story(s)
      end,
      elapsed = 60480,
      ending = {
        outcome = function(s)
          local wrist = s.choices.wrist
          if wrist == "discharge" or wrist == "views" then return "harm" end
          if wrist == "report" or s.choices.ankle == "sprain" or
             s.choices.ankle == "report" or s.choices.huddle ~= "cso" then
            return "neutral"
          end
          return "good"
        end,
        summary = function(s)
          local wrist = s.choices.wrist
          local text
          if wrist == "discharge" or wrist == "views" then
            text = "Ms Barker's scaphoid fracture was immobilised three weeks late, with a " ..
                   "higher risk that it will not unite."
          elseif wrist == "report" then
            text = "Ms Barker's scaphoid fracture was splinted three days late and united."
          else
            text = "Ms Barker's scaphoid fracture was protected from the first day and united."
          end
          if s.choices.ankle == "sprain" or s.choices.ankle == "report" then
            text = text .. " Her ankle fracture was found on the formal report and treated " ..
                   "three days late."
          end
          if s.choices.huddle == "cso" then
            text = text .. " The clinical safety officer reviewed the update; the centre " ..
                   "added a scaphoid series to its wrist protocol for snuffbox tenderness " ..
                   "and briefed every practitioner on the release note."
          else
            text = text .. " The update's change to scaphoid reading was not taken further " ..
                   "that week."
          end
          return text
        end,
      },
    },
  },
}
