-- After the error: reporting and governance, a closing decision for cases in
-- which an AI tool got something wrong.
--
--   local governance = include("governance")
--   local report = governance.after_error {
--     tool = "eObs+",       -- the tool's name, as the trainee knows it
--     device = true,        -- UKCA or CE marked medical device: a Yellow Card applies
--     setting = "trust",    -- "trust" (local incident system) or "practice" (LFPSE)
--     harm = "none",        -- what reached the patient: "none" (a near miss),
--                           -- "low" (less than moderate harm), "moderate" or
--                           -- "severe", or a function(s) giving one of them
--     outcome = "good",     -- how the patient fared: text or function(s)
--     summary = "...",      -- the ending's summary: text or function(s)
--   }
--   ... references = report.cite { "your references" },
--   ... nodes = report.with { your nodes },   -- and send a path to "report"
--
-- after_error gives one decision node (id "report" unless you say `id`) and
-- its ending (id "report_end"). The decision asks what the trainee does about
-- the tool's error: record it, report it as an incident, tell the clinical
-- safety officer, send a Yellow Card (only when `device`), and, when harm
-- reached the patient, make sure the patient is told: the professional duty
-- of candour for any harm, and the statutory duty (CQC regulation 20) from
-- moderate harm up. The best option is the complete set for the situation;
-- the others leave out something that matters. The teaching point and the
-- feedback for each option (why it is, or is not, the complete response) are
-- written from the same settings. `harm = false` is "none" and
-- `harm = true` is "moderate".
--
-- Other settings, all optional:
--   id = "report"       the decision node's id (the ending is id .. "_end")
--   patient = "Mr Shaw" who the ending says was told (default "the patient")
--   registered = true   false for staff who are not registered professionals
--                       (care navigators, healthcare assistants): the debrief
--                       says what their part is
--   title, text, prompt, elapsed   the decision node's own fields
--   next = "node"       go to a node of the case after the decision, instead
--                       of the ending (outcome and summary are then unused)
--
-- The ending's outcome is `outcome` when the trainee chooses the complete
-- response; otherwise a good outcome becomes neutral (the patient did well,
-- but the next one meets the same fault). Its summary is `summary` followed
-- by a sentence on what the report did. Facts and their sources: the
-- references that report.cite adds.
local governance = {}

-- Option labels. Each set has one complete response (id "complete") and three
-- that leave something out; labels are kept to similar lengths.
local NEAR_MISS = {
  { id = "record_only",
    label = "Write in the record what the tool showed, what you did and why" },
  { id = "supplier_only",
    label = "Record it, and email the supplier's helpdesk so they can fix it" },
  { id = "complete",
    device = "Record it, report an incident, tell the safety officer, send a Yellow Card",
    plain = "Record it, report it as an incident, and tell the clinical safety officer" },
  { id = "no_report",
    label = "No formal report, as nobody was harmed; raise it at the team huddle" },
}

local HARMED = {
  { id = "await_review",
    device = "Record and report it, send a Yellow Card, tell the safety officer; " ..
             "tell the patient after the review",
    plain = "Record and report it, tell the clinical safety officer; " ..
            "tell the patient after the review" },
  { id = "complete",
    device = "Record and report it, send a Yellow Card, tell the safety officer, " ..
             "make sure the patient is told",
    plain = "Record and report it, tell the clinical safety officer, " ..
            "and make sure the patient is told" },
  { id = "apology_only",
    label = "Make sure the patient is told and gets an apology; " ..
            "leave the reporting to your manager" },
  { id = "no_disclosure",
    label = "Record it and tell the supplier, but say nothing to the patient: " ..
            "saying sorry admits fault" },
}

-- What happened after each choice, appended to the ending's summary; %p is
-- the patient (`patient`, or "the patient"), %P the same at a sentence start.
local AFTER = {
  complete = "The error was recorded and reported, and the clinical safety officer took the " ..
             "fault up with the supplier.",
  complete_low = "The error was recorded and reported, the clinical safety officer took " ..
                 "the fault up with the supplier, and %p was told what had happened, with " ..
                 "an apology.",
  complete_serious = "The error was recorded and reported, the clinical safety officer " ..
                     "took the fault up with the supplier, and %p was told what " ..
                     "had happened, with an apology, in person and then in writing.",
  record_only = "The record says what happened, but nobody who could fix the tool heard of it.",
  supplier_only = "The supplier logged a ticket; the clinical safety officer, who answers for " ..
                  "the tool's safety here, never heard of it.",
  no_report = "The team heard about it at the huddle; with no report, nothing changed in the " ..
              "tool or in its safety case.",
  await_review = "The reports went in, but %p heard nothing until the review ended " ..
                 "weeks later.",
  apology_only = "%P had an apology, but with no report the fault stayed in the tool " ..
                 "for the next patient.",
  no_disclosure = "Nobody told %p what had happened, and only the supplier heard of " ..
                  "the fault.",
}

local OUTCOMES = { good = true, neutral = true, harm = true }

-- A setting that may be a plain value or a function of s.
local function value(x, s)
  if type(x) == "function" then return x(s) end
  return x
end

-- How much harm reached the patient: "none", "low" (less than moderate) or
-- "serious" (moderate or worse, when the statutory duty of candour applies).
local LEVEL = { [false] = "none", none = "none", low = "low",
                [true] = "serious", moderate = "serious", severe = "serious",
                death = "serious" }

local function level_of(spec, s)
  local h = value(spec.harm, s)
  if h == nil then return "none" end
  local l = LEVEL[h]
  if l == nil then
    error("governance: harm gave " .. tostring(h) .. "; it must give \"none\", \"low\", " ..
          "\"moderate\", \"severe\", true or false", 0)
  end
  return l
end

local function fail(message)
  error("governance.after_error: " .. message, 4)
end

local function check(spec)
  if type(spec) ~= "table" then
    fail("give it a table: governance.after_error { tool = \"...\" }")
  end
  if type(spec.tool) ~= "string" or spec.tool == "" then
    fail("missing tool = \"the tool's name\"")
  end
  if spec.id ~= nil and (type(spec.id) ~= "string" or not spec.id:match("^[a-z0-9_]+$")) then
    fail("id must be a node id of a-z, 0-9 and _, e.g. id = \"report\"")
  end
  if spec.patient ~= nil and type(spec.patient) ~= "string" then
    fail("patient must be a text, e.g. patient = \"Mr Shaw\"")
  end
  if spec.setting ~= nil and spec.setting ~= "trust" and spec.setting ~= "practice" then
    fail("setting must be \"trust\" or \"practice\", got " .. tostring(spec.setting))
  end
  local h = spec.harm
  if not (h == nil or type(h) == "function" or LEVEL[h] ~= nil) then
    fail("harm must be \"none\", \"low\", \"moderate\", \"severe\", true, false or " ..
         "a function(s)")
  end
  if spec.next == nil and type(spec.outcome) == "string" and not OUTCOMES[spec.outcome] then
    fail("outcome must be \"good\", \"neutral\" or \"harm\", got " .. spec.outcome)
  end
end

local function options_for(spec, level)
  local out = {}
  for _, o in ipairs(level == "none" and NEAR_MISS or HARMED) do
    local label = o.label or (spec.device and o.device or o.plain)
    out[#out + 1] = { id = o.id, label = label }
  end
  return out
end

-- Feedback for each option, from the same settings. The facts are those of
-- the debrief (see the references report.cite adds), put to each choice:
-- what it does, and what it leaves out.

-- Where the report goes: a trust's own incident system, which feeds LFPSE,
-- or LFPSE itself for a practice without a local system.
local function route(spec)
  if spec.setting == "practice" then
    return "NHS England's Learn from Patient Safety Events (LFPSE) service, directly"
  end
  return "the trust's incident system, which feeds NHS England's Learn from Patient " ..
         "Safety Events (LFPSE) service"
end

local function route_short(spec)
  if spec.setting == "practice" then return "NHS England's LFPSE service" end
  return "the trust's incident system"
end

local function capital(text)
  return (text:gsub("^%l", string.upper))
end

-- How the patient is told, by how much harm reached them.
local function telling(spec, level, who)
  local how = who .. " is told in person as soon as reasonably practicable, with what is " ..
              "known, an apology and what enquiries will follow, then in writing."
  if level == "serious" and spec.setting == "practice" then
    return "Harm this serious is likely to bring the statutory duty of candour (CQC " ..
           "regulation 20; the practice's lead confirms how it applies): " .. how
  elseif level == "serious" then
    return "Moderate harm or worse brings the statutory duty of candour (CQC regulation " ..
           "20): " .. how
  end
  return "Below moderate harm the statutory duty of candour does not apply, but the " ..
         "professional one does: " .. who .. " is told as soon as possible, with an " ..
         "apology (GMC and NMC)."
end

-- The part of staff who are not registered professionals in telling the patient.
local function your_part(spec)
  if spec.registered == false then
    return " You need not lead that conversation: your part is to make sure the " ..
           "clinician in charge knows."
  end
  return ""
end

local function near_miss_feedback(spec)
  local tool = spec.tool
  local near = "a near miss is still reportable: NHS England encourages all healthcare " ..
               "staff to record events in which a patient could have been harmed"
  local officer = "the clinical safety officer, who keeps " .. tool .. "'s hazard log " ..
                  "(DCB0160)"
  local card = " It carries no UKCA or CE mark, so no Yellow Card applies."
  if spec.device then
    card = " It carries a UKCA or CE mark, so a Yellow Card goes to the MHRA too: the MHRA " ..
           "takes errors that could have caused harm, not only those that did."
  end
  local professional = ""
  if spec.registered ~= false then
    professional = " GMC and NMC guidance asks for near misses to be reported as well as " ..
                   "harm."
  end
  return {
    complete = capital(near) .. ", here on " .. route(spec) .. ". " .. capital(officer) ..
               ", needs to hear when it behaves outside its safety assessment." .. card,
    record_only = "The record tells the next reader what happened; nobody who can fix " ..
                  tool .. " reads it. " .. capital(near) .. ", on " .. route(spec) ..
                  "; and " .. officer .. ", needs to hear of it" ..
                  (spec.device and ", as does the MHRA, on a Yellow Card." or "."),
    supplier_only = "The supplier should hear, but not instead of your organisation: under " ..
                    "DCB0160 the organisation that deployed " .. tool .. " manages its " ..
                    "clinical risk, through its clinical safety officer, and the near miss " ..
                    "belongs on " .. route(spec) .. "." ..
                    (spec.device and " A Yellow Card to the MHRA is yours to send as well." or
                     ""),
    no_report = "Nobody was harmed, but " .. near .. "." .. professional .. " A huddle " ..
                "reaches the people on shift; " .. officer .. ", never hears, and the fault " ..
                "stays for the next patient.",
  }
end

local function harmed_feedback(spec, level)
  local tool = spec.tool
  local who = spec.patient or "the patient"
  local card = spec.device and (", a Yellow Card to the MHRA, since " .. tool .. " is a " ..
                                "marked medical device") or ""
  local bodies = spec.device and ", the clinical safety officer or the MHRA" or
                 " or the clinical safety officer"
  return {
    complete = "Each part matters: the report on " .. route_short(spec) .. ", the clinical " ..
               "safety officer for " .. tool .. "'s hazard log (DCB0160)" .. card .. ", and " ..
               who .. " told. " .. telling(spec, level, capital(who)) .. your_part(spec),
    await_review = "Reporting is right, but telling " .. who .. " does not wait for the " ..
                   "review. " .. telling(spec, level, capital(who)) .. your_part(spec),
    apology_only = "Telling " .. who .. " is right, but the report is not only your " ..
                   "manager's: NHS England encourages all healthcare staff to record patient " ..
                   "safety events, and you saw what " .. tool .. " did. Left to someone " ..
                   "else, it may never reach " .. route_short(spec) .. bodies .. ", and the " ..
                   "fault stays for the next patient.",
    no_disclosure = "An apology is not an admission of liability, as the Care Quality " ..
                    "Commission's guidance on candour says. " ..
                    telling(spec, level, capital(who)) .. " And telling the supplier is " ..
                    "not a report: " .. route_short(spec) .. " and the clinical safety " ..
                    "officer need it too." .. your_part(spec),
  }
end

local function feedback_for(spec, level)
  if level == "none" then return near_miss_feedback(spec) end
  return harmed_feedback(spec, level)
end

local function where_to_report(spec)
  if spec.setting == "practice" then
    return "A practice without its own local system records the event directly on the " ..
           "national LFPSE service."
  end
  return "Your trust's incident system passes the report to the national LFPSE service, " ..
         "and it feeds the trust's response under " ..
         "the Patient Safety Incident Response Framework; not every report becomes an " ..
         "investigation."
end

-- What the duty of candour asks, by how much harm reached the patient.
local function candour_for(spec, level)
  local t = {}
  if level == "serious" then
    t[#t + 1] = "Where an unintended incident causes moderate harm or worse, the statutory duty " ..
                "of candour applies (CQC regulation 20): the organisation tells the patient in " ..
                "person as soon as reasonably practicable, gives a true account and says what " ..
                "enquiries will follow, apologises, and follows up in writing. It does not " ..
                "wait for the review, and an apology is not an admission of liability."
    if spec.setting == "practice" then
      t[#t + 1] = "The regulation words its definition a little differently for GP practices " ..
                  "than for NHS bodies; the practice's lead confirms how it applies."
    end
    if spec.registered ~= false then
      t[#t + 1] = "The professional duty of candour (GMC and NMC) asks the same openness of " ..
                  "each registered professional involved."
    end
  elseif level == "low" then
    t[#t + 1] = "The harm was less than moderate, so the statutory duty of candour (CQC " ..
                "regulation 20) is not triggered; the professional duty is. When something " ..
                "goes wrong with care and causes harm or distress, the patient is told, " ..
                "given an apology, and has its effects explained (GMC and NMC)."
  else
    t[#t + 1] = "With no harm, the statutory duty of candour is not triggered; whether to tell " ..
                "the patient about a near miss is a matter of professional judgement."
  end
  if level ~= "none" and spec.registered == false then
    t[#t + 1] = "You are not the one to lead that conversation, but you can make sure the " ..
                "clinician in charge knows what happened, so that it takes place."
  end
  return t
end

local function debrief_for(spec, level)
  local tool = spec.tool
  local t = {}
  if level ~= "none" then
    t[#t + 1] = "The error reached the patient: record it, and report it as a patient safety " ..
                "incident to NHS England's Learn from Patient Safety Events (LFPSE) service."
  else
    t[#t + 1] = "Nothing reached the patient, but a near miss is still reportable: NHS " ..
                "England's Learn from Patient Safety Events (LFPSE) service asks for events " ..
                "in which a patient was harmed or could have been harmed."
  end
  t[#t + 1] = "The record should say what the tool showed, what was done and why, so that " ..
              "whoever reads it next has the whole story."
  t[#t + 1] = where_to_report(spec)
  if spec.registered == false then
    t[#t + 1] = "Reporting is not only for registered staff: LFPSE encourages all staff to " ..
                "record patient safety events."
  end
  if spec.setting == "practice" then
    t[#t + 1] = tool .. " should have had a clinical safety assessment before it went live " ..
                "(DCB0160); the clinical safety officer who signed it off needs to hear when " ..
                "it behaves outside that assessment, so that the hazard log is updated and " ..
                "the supplier is asked to act."
  else
    t[#t + 1] = "Your organisation assessed " .. tool .. " for clinical safety before it " ..
                "went live (DCB0160); its clinical safety officer needs to hear when it " ..
                "behaves outside that assessment, so that the hazard log is updated and the " ..
                "supplier is asked to act."
  end
  if spec.device then
    t[#t + 1] = tool .. " carries a UKCA or CE mark, so a false result that did or could have " ..
                "harmed a patient is reportable to the MHRA on a Yellow Card: give its name " ..
                "and version, and tell the supplier too."
  else
    t[#t + 1] = tool .. " carries no UKCA or CE mark, so the Yellow Card scheme does not cover " ..
                "it; the local report, the safety officer and the supplier do. Whether a tool " ..
                "like it should be a medical device is a question for the safety officer."
  end
  for _, line in ipairs(candour_for(spec, level)) do t[#t + 1] = line end
  return table.concat(t, " ")
end

local function refs_for(spec)
  local r = {
    "NHS England, Learn from patient safety events (LFPSE) service",
    "NHS England (2018) DCB0160 Clinical risk management: its application in the deployment " ..
      "and use of health IT systems",
  }
  if spec.setting ~= "practice" then
    r[#r + 1] = "NHS England (2022) Patient Safety Incident Response Framework"
  end
  if spec.device then
    r[#r + 1] = "MHRA Yellow Card scheme: Software, apps and artificial intelligence (AI) " ..
                "reporting"
  end
  local h = spec.harm
  if type(h) == "function" or (h ~= nil and LEVEL[h] == "serious") then
    r[#r + 1] = "Health and Social Care Act 2008 (Regulated Activities) Regulations 2014, " ..
                "regulation 20: duty of candour (Care Quality Commission guidance)"
  end
  r[#r + 1] = "General Medical Council and Nursing and Midwifery Council (2015) Openness and " ..
              "honesty when things go wrong: the professional duty of candour"
  return r
end

local function worse_of_good(outcome)
  if outcome == "good" then return "neutral" end
  return outcome
end

-- The decision node and its ending, and helpers to add them to a case.
function governance.after_error(spec)
  check(spec)
  local id = spec.id or "report"
  local tool = spec.tool
  local fixed = type(spec.harm) ~= "function"

  -- Values fixed by the settings are plain; those that depend on the path
  -- are functions of s.
  local function per_path(make)
    if fixed then return make(level_of(spec, nil)) end
    return function(s) return make(level_of(spec, s)) end
  end

  local decision = {
    prompt = spec.prompt or ("What do you do about what " .. tool .. " got wrong?"),
    options = per_path(function(h) return options_for(spec, h) end),
    best = { "complete" },
    feedback = per_path(function(h) return feedback_for(spec, h) end),
    next = spec.next or (id .. "_end"),
  }

  local nodes = {}
  nodes[id] = {
    title = spec.title or "After the error",
    text = spec.text or ("Later, you have time to think about what " .. tool .. " did, and " ..
                         "what should happen about it."),
    elapsed = spec.elapsed,
    decision = decision,
    debrief = per_path(function(h) return debrief_for(spec, h) end),
  }

  if spec.next == nil then
    nodes[id .. "_end"] = {
      title = "What happened",
      text = "",
      ending = {
        outcome = function(s)
          local o = value(spec.outcome, s) or
                    (level_of(spec, s) == "serious" and "harm" or "good")
          if s.choices[id] == "complete" then return o end
          return worse_of_good(o)
        end,
        summary = function(s)
          local first = value(spec.summary, s) or "The case is over."
          local after = AFTER[s.choices[id]]
          local level = level_of(spec, s)
          if s.choices[id] == "complete" and level ~= "none" then
            after = AFTER["complete_" .. level]
          end
          local who = spec.patient or "the patient"
          after = after:gsub("%%P", (who:gsub("^%l", string.upper))):gsub("%%p", who)
          return first .. " " .. after
        end,
      },
    }
  end

  local report = { nodes = nodes }

  -- A new table of the case's nodes and these; an id in both is an error.
  function report.with(own)
    local out = {}
    for k, v in pairs(own) do out[k] = v end
    for k, v in pairs(nodes) do
      if out[k] ~= nil then
        error("governance: the case already has a node '" .. k .. "'; give after_error " ..
              "another id", 2)
      end
      out[k] = v
    end
    return out
  end

  -- A new list: the case's references, then the ones this decision rests on.
  function report.cite(own)
    local out = {}
    for _, r in ipairs(own or {}) do out[#out + 1] = r end
    for _, r in ipairs(refs_for(spec)) do out[#out + 1] = r end
    return out
  end

  return report
end

return governance
