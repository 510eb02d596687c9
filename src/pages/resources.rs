//! « Ressources et contacts » (`/ressources`): the MOT's funding-and-contacts line, offline.
//! For a border, a département or a commune (prefilled from a diagnostic of this device when
//! there is one), the Interreg programmes with their secretariats, small-project funds,
//! structures, resources and contacts, searchable and filterable by theme; and a question to the
//! MOT prepared as an e-mail that the user's own mail program sends.

use domain::directory::{
    border_in_words, directory, mot_question_mailto, Directory, DirectoryQuery, MotQuestion,
};
use domain::questionnaire::{normalize_insee_code, normalize_siren};
use domain::reference::ReferenceTables;
use domain::report::ReportData;
use domain::Diagnostic;
use leptos::prelude::*;

use crate::components::catalogue_items::{ContactItem, ProgrammeItem, ResourceList, StructureList};
use crate::components::form_fields::{SelectEntry, TextEntry};
use crate::components::notice::ErrorNotice;
use crate::platform::set_page_title;
use crate::state::diagnostics::{list_diagnostics, questionnaire};

/// Id of the contact type whose published e-mail receives the question, when the data has one.
const MOT_CONTACT: &str = "mot";

/// The page.
#[component]
pub fn ResourcesPage() -> impl IntoView {
    set_page_title("Ressources et contacts");
    let data = match ReportData::embedded() {
        Ok(data) => data,
        Err(error) => {
            return view! {
                <h1>"Ressources et contacts"</h1>
                <ErrorNotice message=error.to_string()/>
            }
            .into_any()
        }
    };
    let query = RwSignal::new(DirectoryQuery::default());
    let codes = TypedCodes::default();
    // The commune named in the question to the MOT: filled with the chosen diagnostic's.
    let commune = RwSignal::new(String::new());
    let diagnostics = LocalResource::new(list_diagnostics);
    let found = Memo::new(move |_| query.with(|q| directory(&data, q)));
    view! {
        <h1>"Ressources et contacts"</h1>
        <p>
            "Les programmes Interreg, les fonds pour petits projets, les structures transfrontalières "
            "et les contacts utiles, pour votre frontière et votre commune. Les montants et les appels "
            "indiquent le jour où ils ont été vérifiés ; au-delà d'un an, confirmez-les auprès de "
            "l'organisme cité, ou posez la question à la MOT."
        </p>
        <Transition fallback=|| ()>
            {move || diagnostics.get().map(|result| {
                let mine: Vec<Diagnostic> = result
                    .map(|list| list.iter().filter_map(|d| d.decode().ok()).collect())
                    .unwrap_or_default();
                view! { <DiagnosticChoice diagnostics=mine query codes commune/> }
            })}
        </Transition>
        <DirectoryFilters tables=data.tables query codes/>
        <DirectoryResults found/>
        <MotQuestionForm data query commune/>
    }
    .into_any()
}

/// The commune's codes as typed: the query takes them only once they are valid, and a
/// half-typed code stays in its field (it is not rewritten from the query at each keystroke).
#[derive(Clone, Copy)]
struct TypedCodes {
    insee: RwSignal<String>,
    siren: RwSignal<String>,
}

impl Default for TypedCodes {
    fn default() -> Self {
        TypedCodes {
            insee: RwSignal::new(String::new()),
            siren: RwSignal::new(String::new()),
        }
    }
}

impl TypedCodes {
    /// Shows the codes of a query (a diagnostic's) in the fields.
    fn show(self, query: &DirectoryQuery) {
        self.insee.set(query.insee.clone().unwrap_or_default());
        self.siren.set(query.siren.clone().unwrap_or_default());
    }
}

/// What is wrong with a typed code once it is as long as a whole one: `check`'s French message.
fn code_error<E: ToString + 'static>(
    typed: RwSignal<String>,
    length: usize,
    check: fn(&str) -> Result<String, E>,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        typed.with(|text| {
            let long_enough = text.chars().filter(|c| !c.is_whitespace()).count() >= length;
            long_enough
                .then(|| check(text).err().map(|e| e.to_string()))
                .flatten()
        })
    })
}

/// « Pour mon diagnostic »: fills the filters from one of the device's diagnostics.
#[component]
fn DiagnosticChoice(
    diagnostics: Vec<Diagnostic>,
    query: RwSignal<DirectoryQuery>,
    codes: TypedCodes,
    commune: RwSignal<String>,
) -> impl IntoView {
    if diagnostics.is_empty() {
        return ().into_any();
    }
    let chosen = RwSignal::new(None::<String>);
    let options = diagnostics
        .iter()
        .map(|d| (d.id.clone(), d.commune_name().to_string()))
        .collect();
    let on_change = Callback::new(move |id: Option<String>| {
        chosen.set(id.clone());
        let picked = id.and_then(|id| diagnostics.iter().find(|d| d.id == id));
        let picked_query = picked
            .map(DirectoryQuery::of_diagnostic)
            .unwrap_or_default();
        codes.show(&picked_query);
        query.set(picked_query);
        commune.set(
            picked
                .map(|d| d.commune_name().to_string())
                .unwrap_or_default(),
        );
    });
    view! {
        <SelectEntry
            id="ressources-diagnostic"
            label="Remplir avec le territoire d'un diagnostic"
            empty_label="— Aucun (tous les territoires) —"
            options
            value=chosen
            on_change
        />
    }
    .into_any()
}

/// The filters: country, département, commune codes, theme, words.
#[component]
fn DirectoryFilters(
    tables: &'static ReferenceTables,
    query: RwSignal<DirectoryQuery>,
    codes: TypedCodes,
) -> impl IntoView {
    let countries = tables
        .countries
        .iter()
        .map(|c| (c.code.clone(), c.name.clone()))
        .collect();
    let departements = tables
        .departements
        .iter()
        .map(|d| (d.code.clone(), format!("{} ({})", d.name, d.code)))
        .collect();
    let themes = questionnaire()
        .map(|q| {
            q.theme_steps()
                .map(|s| (s.id.clone(), s.title.clone()))
                .collect()
        })
        .unwrap_or_default();
    // A code is used once it is valid: a half-typed one would hide every structure.
    let on_insee = Callback::new(move |text: String| {
        query.update(|q| q.insee = normalize_insee_code(&text).ok());
        codes.insee.set(text);
    });
    let on_siren = Callback::new(move |text: String| {
        query.update(|q| q.siren = normalize_siren(&text).ok());
        codes.siren.set(text);
    });
    view! {
        <section class="directory-filters" aria-labelledby="filtres-titre" role="search">
            <h2 id="filtres-titre">"Affiner"</h2>
            <div class="directory-filters__grid">
                <SelectEntry
                    id="ressources-pays"
                    label="Pays voisin"
                    empty_label="— Toutes les frontières —"
                    options=countries
                    value=Signal::derive(move || query.with(|q| q.country.clone()))
                    on_change=Callback::new(move |v| query.update(|q| q.country = v))
                />
                <SelectEntry
                    id="ressources-departement"
                    label="Département"
                    empty_label="— Tous —"
                    options=departements
                    value=Signal::derive(move || query.with(|q| q.departement.clone()))
                    on_change=Callback::new(move |v| query.update(|q| q.departement = v))
                />
                <TextEntry
                    id="ressources-insee"
                    label="Code INSEE de la commune"
                    help="Avec le SIREN de l'intercommunalité, il dit de quelles structures votre commune est membre."
                    max_length=6
                    value=codes.insee
                    on_change=on_insee
                    error=code_error(codes.insee, 5, normalize_insee_code)
                />
                <TextEntry
                    id="ressources-siren"
                    label="SIREN de l'intercommunalité"
                    max_length=11
                    value=codes.siren
                    on_change=on_siren
                    error=code_error(codes.siren, 9, normalize_siren)
                />
                <SelectEntry
                    id="ressources-theme"
                    label="Thème"
                    empty_label="— Tous les thèmes —"
                    options=themes
                    value=Signal::derive(move || query.with(|q| q.theme.clone()))
                    on_change=Callback::new(move |v| query.update(|q| q.theme = v))
                />
                <TextEntry
                    id="ressources-recherche"
                    label="Rechercher"
                    value=Signal::derive(move || query.with(|q| q.text.clone()))
                    on_change=Callback::new(move |v| query.update(|q| q.text = v))
                />
            </div>
        </section>
    }
}

/// The results, by kind, with a count read out when it changes.
#[component]
fn DirectoryResults(found: Memo<Directory>) -> impl IntoView {
    let summary = move || {
        found.with(|d| {
            if d.is_empty() {
                "Aucun résultat : élargissez les filtres ou posez votre question à la MOT ci-dessous."
                    .to_string()
            } else {
                format!(
                    "{} programme(s), {} fonds pour petits projets, {} structure(s), {} ressource(s), {} contact(s).",
                    d.programmes.len(),
                    d.small_projects.len(),
                    d.structures.len(),
                    d.resources.len(),
                    d.contacts.len()
                )
            }
        })
    };
    view! {
        <p class="status-message" role="status" data-testid="directory-summary">{summary}</p>
        {move || {
            let d = found.get();
            view! {
                <DirectorySection title="Programmes Interreg" id="programmes" shown=!d.programmes.is_empty()>
                    <ul class="findings">
                        {d.programmes.into_iter().map(|programme| view! { <ProgrammeItem programme full=true/> }).collect_view()}
                    </ul>
                </DirectorySection>
                <DirectorySection title="Fonds pour petits projets" id="petits-projets" shown=!d.small_projects.is_empty()>
                    <ResourceList resources=d.small_projects full=true/>
                </DirectorySection>
                <DirectorySection title="Structures transfrontalières" id="structures" shown=!d.structures.is_empty()>
                    <StructureList structures=d.structures full=true/>
                </DirectorySection>
                <DirectorySection title="Autres ressources" id="ressources" shown=!d.resources.is_empty()>
                    <ResourceList resources=d.resources full=true/>
                </DirectorySection>
                <DirectorySection title="Contacts" id="contacts" shown=!d.contacts.is_empty()>
                    <ul class="findings">
                        {d.contacts.into_iter().map(|contact| view! { <ContactItem contact full=true/> }).collect_view()}
                    </ul>
                </DirectorySection>
            }
        }}
    }
}

/// A titled part of the results, left out when empty.
#[component]
fn DirectorySection(
    title: &'static str,
    id: &'static str,
    shown: bool,
    children: Children,
) -> impl IntoView {
    shown.then(|| {
        let heading_id = format!("annuaire-{id}");
        let labelled_by = heading_id.clone();
        view! {
            <section class="directory-section" aria-labelledby=labelled_by>
                <h2 id=heading_id>{title}</h2>
                {children()}
            </section>
        }
    })
}

/// « Préparer ma question à la MOT »: a mail with the commune, the border, the theme and the
/// question, opened in the user's mail program (the app sends nothing).
#[component]
fn MotQuestionForm(
    data: ReportData<'static>,
    query: RwSignal<DirectoryQuery>,
    commune: RwSignal<String>,
) -> impl IntoView {
    let question = RwSignal::new(String::new());
    let mot = data.catalogue.contact(MOT_CONTACT);
    let to = mot.and_then(|c| c.email.clone());
    let theme_title = move || {
        query.with(|q| {
            q.theme
                .as_ref()
                .and_then(|id| questionnaire().ok()?.step(id).map(|s| s.title.clone()))
                .unwrap_or_default()
        })
    };
    let mailto = move || {
        mot_question_mailto(
            to.as_deref(),
            &MotQuestion {
                // A commune not named but whose code was typed is told by its code.
                commune: Some(commune.get())
                    .filter(|name| !name.trim().is_empty())
                    .or_else(|| query.with(|q| q.insee.as_ref().map(|c| format!("code INSEE {c}"))))
                    .unwrap_or_default(),
                border: query.with(|q| border_in_words(&data, q)),
                theme: theme_title(),
                question: question.get(),
            },
        )
    };
    let phone = mot.and_then(|c| c.phone.clone());
    // No e-mail address of the MOT was found in a public source: the message opens without a
    // recipient, and the page says where to find one rather than inventing it.
    let no_recipient = mot.and_then(|c| c.email.as_ref()).is_none().then(|| {
        let website = mot.and_then(|c| c.website.clone());
        view! {
            <p data-testid="mot-no-recipient">
                "Le message s'ouvre sans destinataire : l'application ne connaît pas d'adresse "
                "électronique publiée par la MOT. Ajoutez celle de votre interlocuteur à la MOT"
                {website.map(|url| view! {
                    ", ou celle qu'indique son site " <a href=url.clone() rel="noopener noreferrer" target="_blank">{url.clone()}</a>
                })}
                "."
            </p>
        }
    });
    view! {
        <section class="mot-question" aria-labelledby="question-mot-titre">
            <h2 id="question-mot-titre">"Préparer ma question à la MOT"</h2>
            <p>
                "Votre messagerie s'ouvre avec un message prêt : la commune, la frontière et le thème "
                "choisis ci-dessus, et votre question. Relisez-le avant de l'envoyer : l'application "
                "n'envoie rien elle-même."
                {phone.map(|number| view! {
                    " Vous pouvez aussi appeler la MOT au " <a href=format!("tel:{}", number.replace(' ', ""))>{number.clone()}</a> "."
                })}
            </p>
            <TextEntry
                id="question-mot-commune"
                label="Commune ou intercommunalité"
                max_length=80
                value=commune
                on_change=Callback::new(move |v| commune.set(v))
            />
            <TextEntry
                id="question-mot-texte"
                label="Votre question"
                multiline=true
                max_length=2000
                value=question
                on_change=Callback::new(move |v| question.set(v))
            />
            {no_recipient}
            <p>
                <a class="button" href=mailto data-testid="mot-mailto">"Ouvrir le message dans ma messagerie"</a>
            </p>
        </section>
    }
}
