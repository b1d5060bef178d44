-- scenarios/examples/recipe-time-limit.lua
-- Recipe: a time limit. time_limit is in seconds of the trainee's real time
-- for the whole decision; when it runs out the case goes to on_timeout and
-- the log records the decision as timed out.
return case {
  id = "example-time-limit",
  version = "1.0",
  title = "Anaphylaxis: sixty seconds",
  summary = "Anaphylaxis after an antibiotic; an allergy alert tool and a clock.",
  objectives = { "Give intramuscular adrenaline without delay in anaphylaxis" },
  references = { "Resuscitation Council UK (2021) Emergency treatment of anaphylaxis" },
  tags = { "example", "emergency", "time-limit" },
  minutes = 3,

  patient = { age = 45, sex = "F", setting = "Day unit",
              complaint = "Breathless two minutes into an IV antibiotic infusion" },
  vitals = { hr = 132, sbp = 78, dbp = 40, rr = 30, spo2 = 89, temp = 36.9, avpu = "A" },

  ai = { name = "AllergyAlert", version = "2.0", kind = "drug reaction detector" },

  start = "reaction",
  nodes = {
    reaction = {
      text = "Her lips are swelling, she has a widespread rash and a wheeze.",
      decision = {
        prompt = "First action?",
        options = {
          { id = "adrenaline", label = "Adrenaline 500 micrograms IM, stop the infusion",
            next = "recovering" },
          { id = "antihistamine", label = "Chlorphenamine 10 mg IV", next = "worse" },
          { id = "hydrocortisone", label = "Hydrocortisone 200 mg IV", next = "worse" },
        },
        best = { "adrenaline" },
        advice = { recommend = "antihistamine", confidence = 0.66,
                   message = "Probable allergic reaction: antihistamine suggested.",
                   timing = "with_case" },
        time_limit = 60,                        -- seconds
        on_timeout = "worse",                   -- where the case goes when time runs out
        feedback = {                            -- not shown when the time runs out
          adrenaline = "Airway swelling, wheeze and low blood pressure with a rash, " ..
                       "minutes after a drug: anaphylaxis. IM adrenaline comes first, and " ..
                       "again after 5 minutes if she is no better (Resuscitation Council UK).",
          default = "Antihistamines and steroids do not treat the airway, breathing and " ..
                    "circulation problems of anaphylaxis, and are not first-line: IM " ..
                    "adrenaline comes first (Resuscitation Council UK).",
        },
      },
      debrief = "Airway, breathing and circulation problems with skin changes: " ..
                "anaphylaxis. IM adrenaline first; antihistamines are not first line " ..
                "(Resuscitation Council UK 2021).",
    },
    recovering = { text = "Two minutes later she breathes more easily.", elapsed = 5,
                   ending = { outcome = "good", summary = "Anaphylaxis treated promptly." } },
    worse = { text = "Her blood pressure falls further and she stops talking.", elapsed = 5,
              ending = { outcome = "harm", summary = "Adrenaline delayed; cardiac arrest." } },
  },
}
