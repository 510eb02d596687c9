//! The problems a questionnaire definition can have, with French messages naming the ids.

/// One problem in a questionnaire definition.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    /// The questionnaire has no id.
    #[error("Le questionnaire n'a pas d'identifiant (champ « id »).")]
    MissingId,
    /// The version is 0.
    #[error("La version du questionnaire doit être un entier supérieur ou égal à 1.")]
    VersionZero,
    /// There is not exactly one profile step, or it is not first.
    #[error("Le questionnaire doit commencer par une et une seule étape de type « profile ».")]
    ProfileStepMisplaced,
    /// A step or question id with characters other than a-z, 0-9 and `_`.
    #[error(
        "L'identifiant « {id} » n'est pas valide : utilisez seulement des minuscules sans accent, \
         des chiffres et « _»."
    )]
    InvalidId {
        /// The id.
        id: String,
    },
    /// Two steps share an id.
    #[error("L'identifiant d'étape « {step} » est utilisé plusieurs fois.")]
    DuplicateStepId {
        /// The id.
        step: String,
    },
    /// A step without title or introduction.
    #[error("L'étape « {step} » doit avoir un titre et une introduction.")]
    EmptyStepText {
        /// The step id.
        step: String,
    },
    /// A step without questions.
    #[error("L'étape « {step} » ne contient aucune question.")]
    EmptyStep {
        /// The step id.
        step: String,
    },
    /// Two questions share an id (ids are unique across all steps).
    #[error(
        "L'identifiant de question « {question} » est utilisé plusieurs fois \
         (étapes « {first_step} » et « {second_step} »)."
    )]
    DuplicateQuestionId {
        /// The id.
        question: String,
        /// Step of the first use.
        first_step: String,
        /// Step of the repeated use.
        second_step: String,
    },
    /// A question without label.
    #[error("La question « {question} » n'a pas de libellé.")]
    EmptyLabel {
        /// The question id.
        question: String,
    },
    /// A question without help text.
    #[error("La question « {question} » n'a pas de texte d'aide (« help »).")]
    EmptyHelp {
        /// The question id.
        question: String,
    },
    /// A choice question without options.
    #[error("La question à choix « {question} » ne propose aucune option.")]
    NoOptions {
        /// The question id.
        question: String,
    },
    /// Two options of one question share an id, or an option id is blank.
    #[error("La question « {question} » a un identifiant d'option vide ou répété : « {option} ».")]
    BadOptionId {
        /// The question id.
        question: String,
        /// The option id.
        option: String,
    },
    /// An option without label.
    #[error("L'option « {option} » de la question « {question} » n'a pas de libellé.")]
    EmptyOptionLabel {
        /// The question id.
        question: String,
        /// The option id.
        option: String,
    },
    /// An exclusive option in a single choice, where it means nothing.
    #[error(
        "L'option « {option} » de la question « {question} » est marquée exclusive, ce qui n'a de \
         sens que pour un choix multiple."
    )]
    ExclusiveInSingleChoice {
        /// The question id.
        question: String,
        /// The option id.
        option: String,
    },
    /// Number bounds with min above max.
    #[error("La question « {question} » a un minimum ({min}) supérieur à son maximum ({max}).")]
    MinAboveMax {
        /// The question id.
        question: String,
        /// The minimum, written in French.
        min: String,
        /// The maximum, written in French.
        max: String,
    },
    /// A default number outside the bounds, or decimal for an integer question.
    #[error("La valeur par défaut ({default}) de la question « {question} » ne respecte pas ses bornes ou n'est pas entière.")]
    BadDefault {
        /// The question id.
        question: String,
        /// The default value, written in French.
        default: String,
    },
    /// A text question that accepts no character.
    #[error("La question texte « {question} » a une longueur maximale de 0 caractère.")]
    TextMaxLengthZero {
        /// The question id.
        question: String,
    },
    /// `obstacle_when` set on a yes/no question that names no obstacle.
    #[error(
        "La question « {question} » indique « obstacle_when » sans préciser son « obstacle »."
    )]
    ObstacleWhenWithoutObstacle {
        /// The question id.
        question: String,
    },
    /// Maturity questions exist but the scale is not defined as levels 0 to 4.
    #[error(
        "L'échelle de maturité (« maturity_levels ») doit définir les 5 niveaux 0 à 4, dans l'ordre, \
         chacun avec un libellé et une description (utilisée par « {question} »)."
    )]
    MaturityScaleMissing {
        /// The first maturity question.
        question: String,
    },
    /// A condition naming a question that does not exist.
    #[error(
        "La condition de la question « {question} » porte sur « {target} », qui n'existe pas."
    )]
    ConditionUnknownQuestion {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
    },
    /// A condition naming its own question or a later one.
    #[error(
        "La condition de la question « {question} » porte sur « {target} », qui n'est pas avant \
         elle : une condition ne peut porter que sur une question précédente."
    )]
    ConditionNotEarlier {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
    },
    /// A condition naming a question of another theme.
    #[error(
        "La condition de la question « {question} » porte sur « {target} », d'une autre thématique : \
         seules les questions de la même étape ou du profil sont permises."
    )]
    ConditionOtherTheme {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
    },
    /// A condition whose test does not fit the kind of the question it reads.
    #[error(
        "La condition de la question « {question} » teste « {target} » d'une façon qui ne convient \
         pas à son type ({kind})."
    )]
    ConditionKindMismatch {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
        /// The `type` of the target question.
        kind: &'static str,
    },
    /// A condition naming an option the target question does not offer.
    #[error(
        "La condition de la question « {question} » cite l'option « {option} », que la question \
         « {target} » ne propose pas."
    )]
    ConditionUnknownOption {
        /// The question carrying the condition.
        question: String,
        /// The id it names.
        target: String,
        /// The unknown option id.
        option: String,
    },
    /// A profile question the app relies on is missing or of the wrong kind.
    #[error("L'étape de profil doit contenir la question « {question} » de type « {expected} ».")]
    MissingProfileQuestion {
        /// The expected id.
        question: &'static str,
        /// The expected `type`.
        expected: &'static str,
    },
    /// There is more than one closing step, or it is not the last step.
    #[error("L'étape de clôture (type « closing ») doit être unique et placée en dernier.")]
    ClosingStepMisplaced,
    /// A question of the profile or of the closing step carries points: only themes are scored.
    #[error(
        "La question « {question} » porte des points alors que son étape n'est pas une \
         thématique : seules les thématiques sont notées."
    )]
    ScoredOutsideTheme {
        /// The question id.
        question: String,
    },
}
