-- What the library and the start screen show before play, and the header
-- and model card during it: a title, a summary and a tag that give the
-- outcome away, a tag that names a variant, the patient's complaint and a
-- limitation on the model card that name one, and an image's description
-- that does. Each is said at the line that writes it.
return case {
  id = "check-teach-library-text", version = "1", title = "Fever: the score was wrong",
  summary = "A feverish man whose score was wrong.",
  tags = { "sepsis", "false-negative", "framing_b" },
  variants = { "framing_a", "framing_b" },
  patient = { name = "Sam Cole", complaint = "Fever, as in framing_a" },
  ai = {
    name = "Score", version = "1", kind = "risk score", intended_use = "Adults in the ED",
    limitations = { "Not tested in the framing_b group" },
  },
  start = "look",
  nodes = {
    look = {
      text = "Look at him.",
      image = { file = "images/good.png", alt = "A flat line, as the variant shows it." },
      next = "done",
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
