enum PainLadderStorePlaceholder {}
