-- Variants and the advice they give: 'plain' and 'copy' give the same
-- advice everywhere (said); 'registrar' differs in its source only, and
-- 'truth' gives the same advice where it is wrong, for another patient
-- (neither is said).
return case {
  id = "check-teach-same-advice", version = "1", title = "Same advice", start = "one",
  variants = { "plain", "copy", "registrar", "truth" },
  nodes = {
    one = {
      text = "One.",
      decision = {
        options = {
          { id = "yes", label = "Yes", next = function(s)
              if s.variant == "truth" then return "late" end
              return "done"
            end },
          { id = "no", label = "No", next = function(s)
              if s.variant == "truth" then return "done" end
              return "late"
            end },
        },
        best = function(s)
          if s.variant == "truth" then return { "no" } end
          return { "yes" }
        end,
        advice = {
          recommend = "yes",
          message = "Say yes.",
          source = function(s)
            if s.variant == "registrar" then return "Registrar (phone)" end
            return "AI"
          end,
        },
        feedback = "It depends on the patient.",
      },
      debrief = "It depends on the patient.",
    },
    done = { text = "", ending = { outcome = "good" } },
    late = { text = "", ending = { outcome = "neutral" } },
  },
}
