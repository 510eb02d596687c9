//! The pages loaded on demand.
//!
//! The pages a town does not need on its first visit — MOT's workspace, territory and
//! good-practice pages, the import page, and the resources-and-contacts directory — are
//! `LazyRoute`s: the build (`scripts/build_wasm.py`) splits their code into separate wasm chunks,
//! fetched the first time such a page opens and precached by the service worker for offline use.
//! The town's own pages stay in the main module: splitting them too was measured and rejected
//! (docs/performance.md, "Code splitting"): a reload on a step then waits for a chain of chunks.
//! No route has data to start loading early: each page reads what it needs from IndexedDB once
//! shown.

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use crate::pages::import::ImportPage;
use crate::pages::mot::{
    good_practices::GoodPracticesPage, territory::TerritoryPage, MotWorkspacePage,
};
use crate::pages::resources::ResourcesPage;

/// Declares a route type whose view, the page component given, is split into its own chunk.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident shows $page:ident) => {
        $(#[$doc])*
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(
    /// `/importer`: importing bundles (the town imports MOT's feedback there, rarely).
    ImportRoute shows ImportPage
);
lazy_page!(
    /// `/mot`: MOT's workspace.
    MotWorkspaceRoute shows MotWorkspacePage
);
lazy_page!(
    /// `/mot/territoire/:id`: MOT's follow-up of one territory.
    TerritoryRoute shows TerritoryPage
);
lazy_page!(
    /// `/ressources`: resources and contacts, reachable from the header at any time.
    ResourcesRoute shows ResourcesPage
);
lazy_page!(
    /// `/mot/bonnes-pratiques`: the compilation of the towns' good practices, to print.
    GoodPracticesRoute shows GoodPracticesPage
);
