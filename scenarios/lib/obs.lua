-- Observation helpers for case authors.
--
--   local obs = include("obs")
--   obs.news2(v)          -> total, red   NEWS2 exactly as the engine scores it
--                                         (RCP 2017), and whether any single
--                                         parameter scores 3; nil when a
--                                         needed value is missing
--   obs.response(v)       -> the RCP NEWS2 clinical response for those vitals
--   obs.result(name, value, unit, low, high)   one result, flagged against a range
--   obs.fbc{...}, obs.ue{...}, obs.lft{...}    adult panels with UK units and ranges
--   obs.crp(x), obs.lactate(x)
--   obs.join(list, ...)   concatenates result lists
--
-- Reference ranges are typical UK adult laboratory ranges, rounded; local
-- laboratories differ, and children need their own (pass them to
-- obs.result). Helpers return new tables each call, so a case can change
-- what it gets without touching anyone else's.
local obs = {}

-- Scores x against ascending cut points: below cuts[i] scores scores[i];
-- at or above the last cut scores the last score. The cuts sit half-way
-- between the whole numbers of the RCP chart, as in the engine.
local function band(x, cuts, scores)
  for i, cut in ipairs(cuts) do
    if x < cut then return scores[i] end
  end
  return scores[#scores]
end

local function on_oxygen(v)
  return v.o2 ~= nil and string.lower(v.o2) ~= "air"
end

local function consciousness(v)
  if v.avpu then return v.avpu end
  if v.gcs then return v.gcs >= 15 and "A" or "C" end
  return nil
end

local function spo2_score(v)
  if v.spo2_scale == 2 then
    local scores = on_oxygen(v) and { 3, 2, 1, 0, 1, 2, 3 } or { 3, 2, 1, 0, 0, 0, 0 }
    return band(v.spo2, { 83.5, 85.5, 87.5, 92.5, 94.5, 96.5 }, scores)
  end
  return band(v.spo2, { 91.5, 93.5, 95.5 }, { 3, 2, 1, 0 })
end

-- NEWS2 (Royal College of Physicians, 2017) for a vitals table.
function obs.news2(v)
  local level = consciousness(v)
  if not (level and v.rr and v.spo2 and v.sbp and v.hr and v.temp) then return nil end
  local parts = {
    band(v.rr, { 8.5, 11.5, 20.5, 24.5 }, { 3, 1, 0, 2, 3 }),
    spo2_score(v),
    on_oxygen(v) and 2 or 0,
    band(v.sbp, { 90.5, 100.5, 110.5, 219.5 }, { 3, 2, 1, 0, 3 }),
    band(v.hr, { 40.5, 50.5, 90.5, 110.5, 130.5 }, { 3, 1, 0, 1, 2, 3 }),
    level == "A" and 0 or 3,
    band(v.temp, { 35.05, 36.05, 38.05, 39.05 }, { 3, 1, 0, 1, 2 }),
  }
  local total, red = 0, false
  for _, p in ipairs(parts) do
    total = total + p
    if p == 3 then red = true end
  end
  return total, red
end

-- The RCP NEWS2 clinical response (chart 4), shortened.
function obs.response(v)
  local total, red = obs.news2(v)
  if total == nil then return "NEWS2 cannot be scored from these observations" end
  if total >= 7 then
    return "NEWS2 " .. total .. ": emergency response - inform the medical team at " ..
           "registrar level at once, emergency assessment by a team with critical care " ..
           "competencies, continuous monitoring"
  elseif total >= 5 then
    return "NEWS2 " .. total .. ": urgent response - inform the medical team at once, " ..
           "urgent assessment by a clinician competent in acute illness, observations " ..
           "at least hourly"
  elseif red then
    return "NEWS2 " .. total .. " with a score of 3 in one parameter: urgent ward-based " ..
           "response - inform the medical team, who decide on escalation; observations " ..
           "at least hourly"
  elseif total >= 1 then
    return "NEWS2 " .. total .. ": a registered nurse assesses and decides whether to " ..
           "increase monitoring or escalate; observations at least 4-6 hourly"
  end
  return "NEWS2 0: routine monitoring, observations at least 12-hourly"
end

-- One result, flagged "low" or "high" against [low, high] when given.
function obs.result(name, value, unit, low, high)
  local r = { name = name, value = value, unit = unit }
  if type(value) == "number" then
    if low and value < low then r.flag = "low" end
    if high and value > high then r.flag = "high" end
  end
  return r
end

-- Adds each key of `spec` present in `given`, in the order of `spec`.
local function panel(spec, given)
  local out = {}
  for _, row in ipairs(spec) do
    local value = given[row[1]]
    if value ~= nil then
      out[#out + 1] = obs.result(row[2], value, row[3], row[4], row[5])
    end
  end
  return out
end

-- Full blood count. `sex` "F" uses the female haemoglobin range.
function obs.fbc(t)
  local hb_low, hb_high = 130, 170
  if t.sex == "F" then hb_low, hb_high = 120, 150 end
  return panel({
    { "hb", "Haemoglobin", "g/L", hb_low, hb_high },
    { "wbc", "White cell count", "×10⁹/L", 4.0, 11.0 },
    { "neut", "Neutrophils", "×10⁹/L", 2.0, 7.5 },
    { "lymph", "Lymphocytes", "×10⁹/L", 1.0, 4.0 },
    { "plt", "Platelets", "×10⁹/L", 150, 400 },
  }, t)
end

-- Urea and electrolytes with eGFR (CKD-EPI, mL/min/1.73 m²).
function obs.ue(t)
  local cr_low, cr_high = 59, 104
  if t.sex == "F" then cr_low, cr_high = 45, 84 end
  return panel({
    { "na", "Sodium", "mmol/L", 133, 146 },
    { "k", "Potassium", "mmol/L", 3.5, 5.3 },
    { "urea", "Urea", "mmol/L", 2.5, 7.8 },
    { "creat", "Creatinine", "µmol/L", cr_low, cr_high },
    { "egfr", "eGFR", "mL/min/1.73 m²", 60, nil },
  }, t)
end

-- Liver function tests.
function obs.lft(t)
  return panel({
    { "bili", "Bilirubin", "µmol/L", nil, 21 },
    { "alt", "ALT", "U/L", nil, 41 },
    { "alp", "ALP", "U/L", 30, 130 },
    { "alb", "Albumin", "g/L", 35, 50 },
  }, t)
end

function obs.crp(x)
  return obs.result("CRP", x, "mg/L", nil, 5)
end

function obs.lactate(x)
  return obs.result("Lactate (venous)", x, "mmol/L", nil, 2.0)
end

-- Concatenates result lists (and single results) into one new list.
function obs.join(...)
  local out = {}
  for _, part in ipairs({ ... }) do
    if part.name then
      out[#out + 1] = part
    else
      for _, r in ipairs(part) do out[#out + 1] = r end
    end
  end
  return out
end

return obs
