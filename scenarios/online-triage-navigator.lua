-- Monday morning: the online request queue.
-- General practice, care navigation. The trainee is a care navigator, not a
-- registered clinician. TriageFlow Assist is a generative summariser built
-- into the online consultation platform: it summarises each request and
-- suggests a queue. It is right at the first two requests (a sore throat for
-- Pharmacy First; a possible heart attack happening now, caught because the
-- form's "chest pain now" box was ticked, under a time limit) and wrong at the
-- third (a false negative): its summary leaves out an episode of chest
-- tightness at rest with sweating, and its "no red flags" means only that no
-- red-flag box was ticked, because its red-flag check reads the tick boxes,
-- not the free text (its model card says so). Its explanation for the third
-- is plausible but misleading: every reason is true of the summary. The
-- patient's own message is on screen under the summary.
-- The case ends with lib/governance.lua: a practice setting, a tool that is
-- not a marked medical device, and the duty of candour only on the paths on
-- which Mr Dawson's heart attack was missed.
-- The trainee reads written requests and sees no patient, so the case has no
-- observations and no early warning score appears.
local governance = include("governance")

-- How each patient fared, by what the trainee chose.
local function patel_outcome(s)
  local c = s.choices.urgent
  if c == "call_999" then return "good" end
  if c == "slot" then return "harm" end
  return "neutral"       -- the duty GP's list, a text, or the time ran out
end

local function dawson_outcome(s)
  local c = s.choices.chest
  if c == "duty" then return "good" end
  if c == "thursday" then return "neutral" end
  return "harm"          -- the routine queue, or a phone call that ended there
end

local worst = include("outcomes").worst

local PATEL_END = {
  good = "Mr Patel reached hospital quickly and had a stent for a heart attack.",
  neutral = "Mr Patel had a stent for a heart attack, reaching hospital later than he " ..
            "could have.",
  harm = "Mr Patel had a cardiac arrest in the surgery's waiting room and survived after " ..
         "CPR and defibrillation.",
}

local DAWSON_END = {
  good = "Mr Dawson's heart attack was found the same morning and treated early.",
  neutral = "Mr Dawson's heart attack was found a day and a half later, when he called 111, " ..
            "without lasting damage to his heart.",
  harm = "Mr Dawson had a larger heart attack that evening, which damaged his heart muscle.",
}

local report = governance.after_error {
  tool = "TriageFlow Assist",
  device = false,              -- its card: not a medical device, no UKCA or CE mark
  setting = "practice",
  registered = false,          -- a care navigator
  patient = "Mr Dawson",
  harm = function(s)           -- what the missed summary did to Mr Dawson
    return ({ good = "none", neutral = "low", harm = "moderate" })[dawson_outcome(s)]
  end,
  title = "The practice meeting",
  text = "Dr Begum puts TriageFlow's summary of Mr Dawson's request on the screen beside " ..
         "his own message. The summary kept the two weeks of tightness on walking; it left " ..
         "out the morning's episode at rest, the 20 minutes and the sweating. Its red-flag " ..
         "check had nothing to go on: he had answered \"no\" to \"chest pain now?\".\n\n" ..
         "The practice manager asks what should happen about it.",
  outcome = function(s) return worst(patel_outcome(s), dawson_outcome(s)) end,
  summary = function(s)
    return PATEL_END[patel_outcome(s)] .. " " .. DAWSON_END[dawson_outcome(s)]
  end,
}

return case {
  format = 1,
  id = "online-triage-navigator",
  version = "1.0",
  title = "Monday morning: the online request queue",
  summary = "You are a care navigator at a GP practice, working through the morning's " ..
            "online consultation requests. The platform's assistant has read each request " ..
            "first: it writes a summary and suggests where the request should go.",
  objectives = {
    "Read the patient's own words before accepting a summary of them",
    "Send anything that might be urgent to the duty clinician at once, as the practice's " ..
      "protocol says, instead of judging it yourself",
    "Make sure a possible emergency happening now reaches 999, by phone, not by a queue " ..
      "or a text",
    "Accept a routing suggestion that is right, as well as catching one that is wrong",
    "Report a tool's error, knowing who needs to hear of it",
  },
  authors = { "Appraise project" },
  references = report.cite {
    "NHS England, How to improve care navigation in general practice",
    "NICE CG95 (2010, updated 2016) Recent-onset chest pain of suspected cardiac origin: " ..
      "assessment and diagnosis",
    "NHS England, NHS Pharmacy First service (launched 31 January 2024)",
  },
  tags = { "primary care", "general practice", "care navigation", "online consultation",
           "generative AI" },
  minutes = 8,
  x_setting = "primary_care",
  x_profession = "care_navigator",
  x_failure_modes = { "false_negative", "ai_right" },
  x_ai_errors = { "*/chest false_negative" },
  x_tool_types = { "summariser", "triage_model" },
  x_explanations = { "misleading" },

  patient = {
    setting = "Riverside Surgery, reception office, Monday morning",
    complaint = "Online consultation requests waiting: 23",
  },

  ai = {
    name = "TriageFlow Assist", version = "2.0",
    kind = "generative summariser with queue suggestion",
    intended_use = "Reads each online consultation request, writes a short summary for " ..
                   "reception staff and suggests a queue: emergency, duty clinician today, " ..
                   "routine GP, community pharmacy or admin. Staff confirm every queue; it " ..
                   "does not triage clinically.",
    performance = { sensitivity = 0.91, specificity = 0.84 },
    trained_on = "A general-purpose large language model adapted by the supplier on 60,000 " ..
                 "requests from 22 English practices, 2022-2023. Sensitivity and specificity " ..
                 "are for \"needs a clinician today\", against GP review of 8,000 requests " ..
                 "from the same practices.",
    limitations = {
      "Summaries are generated text: they can leave out, merge or reword what the patient " ..
        "wrote",
      "The red-flag check reads the form's tick-box answers; it does not search the " ..
        "patient's free text for red flags",
      "Queue suggestions support reception staff; they are not clinical triage",
      "Not a medical device: the supplier describes it as an administrative tool, and it " ..
        "carries no UKCA or CE mark",
    },
  },

  start_time = "08:10",       -- the time of day at the start; the header adds the case clock
  start = "queue",
  nodes = report.with {
    queue = {
      title = "Reception office, 08:10",
      text = "You are one of two care navigators at Riverside Surgery this morning. The " ..
             "practice's online form is open all day, and requests arrive faster than the " ..
             "team can read them: 23 are waiting. The duty GP is Dr Begum.\n\n" ..
             "Each request opens with TriageFlow Assist's summary and suggested queue; the " ..
             "patient's own message sits underneath. The practice's navigation protocol is " ..
             "pinned above your screen:\n\n" ..
             "- Anything that might be an emergency happening now: phone the patient, tell " ..
             "them to call 999, and tell the duty clinician.\n" ..
             "- Anything that might be urgent: send it to the duty clinician now.\n" ..
             "- Navigators route requests; clinicians make clinical decisions.",
      next = "throat",
    },

    throat = {
      title = "Request 1 of 23",
      text = "From Amy Clarke, 34, sent at 07:52.\n\n" ..
             "Her message: \"I've had a sore throat for 3 days, it's worse when I swallow " ..
             "and I've had a bit of a temperature. I can breathe fine and I'm eating and " ..
             "drinking, it just really hurts. I'm back at work on Wednesday. Can I get some " ..
             "antibiotics please?\"\n\n" ..
             "Form answers: difficulty breathing - no; chest pain now - no.",
      decision = {
        prompt = "Where does Ms Clarke's request go?",
        options = {
          { id = "gp_call", label = "Book her a GP telephone call today to discuss antibiotics" },
          { id = "pharmacy", label = "Confirm the pharmacy route and send her the Pharmacy " ..
                                     "First details" },
          { id = "duty", label = "Send it to the duty clinician to decide before you reply" },
          { id = "routine", label = "Book her the next routine GP appointment, as she asks" },
        },
        next = "urgent",
        best = { "pharmacy" },
        advice = {
          recommend = "pharmacy",
          message = "SUMMARY: 34F. Sore throat 3 days, painful swallowing, mild fever. " ..
                    "Eating and drinking; no breathing difficulty. Asking for antibiotics.\n" ..
                    "RED FLAGS: none identified\n" ..
                    "SUGGESTED QUEUE: Community pharmacy (NHS Pharmacy First: sore throat)",
          reasons = {
            { "Sore throat in an adult", 0.41 },
            { "Eating and drinking; breathing normally", 0.27 },
            { "No red-flag boxes ticked", 0.18 },
            { "Asks for antibiotics", -0.06 },
          },
          timing = "with_case",
        },
        ask = { trust = true },
        feedback = {
          pharmacy = "Nothing in her own words is a red flag: she can breathe, eat and drink. " ..
                     "Sore throat is one of the NHS Pharmacy First conditions, so a community " ..
                     "pharmacist can assess her today and decide whether she needs treatment.",
          gp_call = "Her own words hold no red flag, and sore throat is one of the NHS " ..
                    "Pharmacy First conditions: a community pharmacist can assess her today " ..
                    "and decide about antibiotics, leaving the GP's calls for requests that " ..
                    "need a GP.",
          duty = "Safe, but the duty clinician's time is for requests that cannot wait, and " ..
                 "hers can be met today elsewhere: no red flag in her own words, and sore " ..
                 "throat is one of the NHS Pharmacy First conditions.",
          routine = "A routine appointment may be days away, for a sore throat a community " ..
                    "pharmacist can assess today under NHS Pharmacy First. She asked for " ..
                    "antibiotics; whether she needs them is the pharmacist's call.",
        },
      },
      debrief = "TriageFlow Assist was right about Ms Clarke. A sore throat in someone who can " ..
                "breathe, eat and drink is one of the seven conditions of NHS Pharmacy First " ..
                "(launched January 2024, for adults and children aged 5 and over), and " ..
                "practices can refer patients to it. Sending a request like hers to the duty " ..
                "clinician is safe, but it spends time the duty clinician needs for the " ..
                "requests that cannot wait.",
    },

    urgent = {
      title = "New request, moved to the top",
      text = "From Ravi Patel, 79, sent by his daughter Meena at 08:12.\n\n" ..
             "Her message: \"Dad has had a heavy pain in the middle of his chest for about " ..
             "half an hour. He's gone grey and sweaty and he feels sick. He says it's " ..
             "indigestion and doesn't want a fuss. What should we do?\"\n\n" ..
             "Form answers: difficulty breathing - no; chest pain now - yes.",
      elapsed = 3,
      decision = {
        prompt = "What do you do with Mr Patel's request?",
        options = {
          { id = "duty_top", label = "Put it at the top of the duty GP's list, marked urgent" },
          { id = "text_999", label = "Text them at once: call 999 if the pain is still there" },
          { id = "slot", label = "Phone them and book the first face-to-face slot this morning" },
          { id = "call_999", label = "Phone them now: tell them to call 999, then tell the " ..
                                     "duty GP" },
        },
        next = "chest",
        best = { "call_999" },
        advice = {
          recommend = "call_999",
          message = "POSSIBLE EMERGENCY\n" ..
                    "RED FLAG: chest pain now (form answer)\n" ..
                    "SUMMARY: 79M. Central chest pain 30 minutes; grey, sweaty, nauseated.\n" ..
                    "SUGGESTED ACTION: Do not queue. Phone the patient now and follow the " ..
                    "practice emergency protocol.",
          reasons = {
            { "Form answer: chest pain now", 0.52 },
            { "Pain for 30 minutes", 0.19 },
            { "Sweating and nausea", 0.17 },
            { "Age 79", 0.08 },
          },
          timing = "with_case",
        },
        ask = { trust = true },
        time_limit = 60,
        on_timeout = "urgent_missed",
        feedback = {
          call_999 = "Half an hour of heavy central chest pain with sweating and sickness, " ..
                     "happening now, could be a heart attack: the NHS advice for pain like " ..
                     "this is to call 999. A phone call makes sure the message has landed, " ..
                     "and the duty GP needs to know.",
          duty_top = "The top of a list still waits for a clinician who may be with a " ..
                     "patient. A possible heart attack happening now needs 999 at once, and " ..
                     "under the protocol you set that in motion by phone, then tell the duty " ..
                     "GP.",
          text_999 = "The advice in the text is right, but a text may not be read in time. " ..
                     "A phone call makes sure they have heard it and are calling 999 now; " ..
                     "then tell the duty GP.",
          slot = "A possible heart attack happening now needs 999, not a journey to the " ..
                 "surgery: travelling in by car delays the ambulance and the treatment it " ..
                 "brings. Phone them, tell them to call 999, then tell the duty GP.",
        },
      },
      debrief = "TriageFlow Assist was right about Mr Patel, and quick: his daughter had " ..
                "ticked \"chest pain now\", and the tool's red-flag check works from those " ..
                "answers. A possible emergency happening now does not belong in any queue, " ..
                "however urgent its flag: your part is to make sure 999 is called and the " ..
                "duty GP knows. A text may not be read in time, and travelling to the surgery " ..
                "delays the ambulance. Check your own practice's protocol for the exact steps.",
    },

    urgent_missed = {
      title = "08:23",
      text = "While you were still deciding, your colleague at the next desk saw the alert, " ..
             "phoned Meena Patel and told her to call 999. It took ten minutes longer than " ..
             "it needed to.",
      elapsed = 10, -- 08:23: ten minutes after her request reached the queue at 08:13
      next = "chest",
    },

    chest = {
      title = "Request 3 of 23",
      text = "From Keith Dawson, 64, sent at 07:41.\n\n" ..
             "His message: \"Hello, for the last couple of weeks I've been getting a " ..
             "tightness across my chest when I walk up the hill to the shop. It goes off when " ..
             "I stop for a minute. I thought it was my old asthma or just being unfit. This " ..
             "morning it came on when I was sitting watching the TV, it lasted about 20 " ..
             "minutes and I came over all sweaty. It's gone now and I feel alright. I didn't " ..
             "want to bother anyone so I haven't rung. I'm diabetic, on tablets. Could I see a " ..
             "doctor sometime about it please.\"\n\n" ..
             "Form answers: difficulty breathing - no; chest pain now - no.",
      elapsed = 5,
      decision = {
        prompt = "Where does Mr Dawson's request go?",
        options = {
          { id = "routine", label = "Confirm the routine GP queue; the summary has what the " ..
                                    "GP needs" },
          { id = "phone", label = "Phone him first and ask how he is before choosing a queue" },
          { id = "duty", label = "Send it to the duty GP now, flagged, quoting his own words" },
          { id = "thursday", label = "Book Thursday's first GP slot; text him to call 111 if " ..
                                     "worse" },
        },
        next = "later",
        best = { "duty" },
        advice = {
          recommend = "routine",
          message = "SUMMARY: 64M. Chest tightness on walking uphill for 2 weeks; eases with " ..
                    "rest. Type 2 diabetes.\n" ..
                    "RED FLAGS: none identified\n" ..
                    "SUGGESTED QUEUE: Routine GP (within 2 weeks)",
          reasons = {
            { "Symptom on exertion, eases with rest", 0.34 },
            { "No red-flag boxes ticked", 0.31 },
            { "Stable two-week pattern", 0.26 },
            { "Asks for a routine appointment", 0.12 },
            { "Age 64, diabetes", -0.15 },
          },
          timing = "with_case",
        },
        ask = { trust = true, rationale = "override" },
        feedback = {
          duty = "His own message holds what the summary left out: this morning the " ..
                 "tightness came on at rest, lasted about 20 minutes and made him sweat. That " ..
                 "could be a heart attack, so under the protocol it goes to the duty GP now, " ..
                 "in his own words.",
          routine = "The summary dropped this morning's episode at rest, 20 minutes with " ..
                    "sweating, and its \"no red flags\" meant only that no box was ticked: " ..
                    "its model card says the red-flag check does not read free text. Every " ..
                    "reason it gave was true of the summary, not of his message.",
          phone = "Phoning to ask how he is asks you to triage, and a man who \"didn't want " ..
                  "to bother anyone\" may play it down. What he wrote, chest tightness at " ..
                  "rest with sweating this morning, is already enough to send it to the duty " ..
                  "GP now.",
          thursday = "Chest tightness at rest this morning, for 20 minutes with sweating, in " ..
                     "a 64-year-old with diabetes could be a heart attack: a clinician needs " ..
                     "to hear it today. A text to call 111 leaves him to judge it himself; " ..
                     "under the protocol it goes to the duty GP now.",
        },
      },
      debrief = "TriageFlow Assist was wrong about Mr Dawson, in two ways. Its summary kept " ..
                "the two weeks of tightness on walking and dropped this morning's episode at " ..
                "rest; and its \"no red flags\" meant only that no red-flag box was ticked, " ..
                "because its red-flag check reads the form, not the free text (its model card " ..
                "says so). Its explanation looked sound because every reason in it was true " ..
                "of the summary. New chest pain at rest for about 20 minutes with sweating, " ..
                "in a 64-year-old with diabetes, could be an acute coronary syndrome: NICE " ..
                "CG95 asks for an emergency referral when someone now free of pain had it in " ..
                "the last 12 hours and no ECG is available. That is the duty GP's decision; " ..
                "your part is to see that they hear it now. Phoning him to judge how bad it " ..
                "is asks you to triage, and a man who \"didn't want to bother anyone\" may " ..
                "play it down.",
    },

    later = {
      title = "Thursday",
      elapsed = 4320,
      text = function(s)
        local patel = {
          call_999 = "Mr Patel's ambulance reached him 11 minutes after your call. He had had " ..
                     "a heart attack and was given a stent that morning.",
          duty_top = "Dr Begum was with a patient and reached the top of her list at 08:35; " ..
                     "she rang Meena Patel and called an ambulance. Mr Patel had had a heart " ..
                     "attack and was given a stent, twenty minutes later than he could have.",
          text_999 = "Meena Patel saw the text ten minutes after it was sent and called 999. " ..
                     "Her father had had a heart attack and was given a stent, later than he " ..
                     "could have.",
          slot = "Meena drove her father to the surgery for the 09:00 slot. He collapsed in " ..
                 "the waiting room in cardiac arrest; the practice team started CPR and used " ..
                 "the defibrillator, and he reached hospital alive. He is on the coronary care " ..
                 "unit.",
        }
        local p = patel[s.choices.urgent] or
                  ("Your colleague's call got an ambulance to Mr Patel ten minutes later than " ..
                   "it could have. He had had a heart attack and was given a stent.")
        local d
        local c = s.choices.chest
        if c == "duty" then
          d = "Dr Begum read Mr Dawson's message at 08:30 and rang him at once. With pain " ..
              "at rest that morning and no ECG to hand, she sent him to the emergency " ..
              "department: his troponin was raised, and he had an angiogram and a stent the " ..
              "next day. He goes home tomorrow."
        elseif c == "thursday" then
          d = "On Tuesday night Mr Dawson's chest tightness came back at rest and he called " ..
              "111, who sent an ambulance. He had had a heart attack; he had a stent on " ..
              "Wednesday, and the scan of his heart shows no lasting damage."
        else
          d = "On Monday evening Mr Dawson collapsed at home with crushing chest pain and was " ..
              "taken to hospital by ambulance: a larger heart attack. He had an emergency " ..
              "stent, the scan shows damage to his heart muscle, and he will need cardiac " ..
              "rehabilitation. The hospital's letter asks why a request sent at 07:41 that " ..
              "morning was booked as routine."
          if c == "phone" then
            d = "When you phoned him on Monday, he said the tightness had gone, he felt fine " ..
                "and didn't want to waste the doctor's time, so you left the request in the " ..
                "routine queue. " .. d
          end
        end
        return p .. "\n\n" .. d
      end,
      next = "report",
    },
  },
}
