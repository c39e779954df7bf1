"""Analysis stages over the articles of one story.

One module per stage, each with one small public function: ``align`` (the claim matrix),
``quotes`` (direct quotes, speakers, fidelity), ``numbers`` and ``conflicts``, ``entities``,
``sources`` (who is cited), ``wording`` (word choice) and ``digest``. They are composed by
:func:`storylens.compare.compare`.
"""
