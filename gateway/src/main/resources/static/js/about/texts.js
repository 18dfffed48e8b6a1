// The association's own pages: contact, privacy statement, accessibility statement. Each is a list
// of sections ({ heading, paragraphs }), in Dutch and in English.
export const PAGES = {
  contact: {
    nl: {
      title: 'Contact',
      lead: 'Vragen over MBO Connect, de vereniging of je account? We helpen je graag.',
      sections: [
        { heading: 'Mail ons', paragraphs: ['Stuur een bericht naar info@mboconnect.nl. We antwoorden binnen twee werkdagen.'] },
        {
          id: 'bel-mij-terug',
          heading: 'Bel mij terug',
          paragraphs: ['Liever even bellen? Onderaan elke pagina staat "Bel mij terug": laat daar je naam en telefoonnummer '
            + 'achter, met een moment dat je uitkomt, en we bellen je op een werkdag terug.'],
        },
        {
          heading: 'Over je account',
          paragraphs: ['Je naam en e-mailadres wijzig je zelf in je account bij het inloggen. Lukt inloggen niet, mail ons dan '
            + 'je naam en de school of het bedrijf waar je werkt.'],
        },
      ],
    },
    en: {
      title: 'Contact',
      lead: 'Questions about MBO Connect, the association or your account? We are glad to help.',
      sections: [
        { heading: 'Email us', paragraphs: ['Send a message to info@mboconnect.nl. We answer within two working days.'] },
        {
          id: 'bel-mij-terug',
          heading: 'Call me back',
          paragraphs: ['Rather talk on the phone? At the bottom of every page you find "Call me back": leave your name, phone '
            + 'number and a good moment there, and we call you back on a working day.'],
        },
        {
          heading: 'About your account',
          paragraphs: ['You change your name and email address yourself, in your account when you log in. If you cannot log '
            + 'in, email us your name and the school or company where you work.'],
        },
      ],
    },
  },
  privacy: {
    nl: {
      title: 'Privacyverklaring',
      lead: 'Welke gegevens MBO Connect van je bewaart, waarvoor, hoe lang, en wat je rechten zijn.',
      sections: [
        {
          heading: 'Wat we bewaren',
          paragraphs: [
            'Je account: je naam, gebruikersnaam, e-mailadres en je rol in de vereniging (vriend, lid, redacteur, beheerder). '
              + 'Die gebruiken we om je te laten inloggen en om te tonen wat voor jou bedoeld is.',
            'Je aanmeldingen voor bijeenkomsten, met je antwoorden op de vragen van die bijeenkomst en of je er was. De '
              + 'organisatoren van die bijeenkomst zien ze, anders niemand.',
            'Als je een agenda-abonnement maakt: een geheim adres van je persoonlijke agenda. Vernieuw of verwijder het op '
              + '"Mijn aanmeldingen".',
          ],
        },
        {
          heading: 'Cookies',
          paragraphs: ['We gebruiken alleen cookies die de site nodig heeft: een sessiecookie waarmee je ingelogd blijft '
            + '(MBO_SESSION), een beveiligingscookie tegen misbruik van formulieren (XSRF-TOKEN) en je taalkeuze (lang). '
            + 'Geen cookies van anderen, geen volgen.'],
        },
        {
          heading: 'Met wie we delen',
          paragraphs: ['Regionale partners (scholen, opleidingscentra) zien de openbare bijeenkomsten en hoe vol ze zijn, '
            + 'nooit wie zich aanmeldde. We verkopen of geven je gegevens aan niemand.'],
        },
        {
          heading: 'Hoe lang',
          paragraphs: ['Zolang je account bestaat. Aanmeldingen bewaren we tot een jaar na de bijeenkomst, daarna alleen '
            + 'geteld. Verwijder je je account, dan verdwijnen je gegevens; wat je schreef blijft staan onder "voormalig lid".'],
        },
        {
          heading: 'Je rechten',
          paragraphs: ['Je mag zien wat we van je bewaren, het laten verbeteren of verwijderen, en bezwaar maken. Mail '
            + 'info@mboconnect.nl. Ben je het niet eens met hoe we met je gegevens omgaan, dan kun je een klacht indienen '
            + 'bij de Autoriteit Persoonsgegevens.'],
        },
      ],
    },
    en: {
      title: 'Privacy statement',
      lead: 'What MBO Connect keeps about you, what for, for how long, and your rights.',
      sections: [
        {
          heading: 'What we keep',
          paragraphs: [
            'Your account: your name, username, email address and your role in the association (friend, member, editor, '
              + 'administrator). We use them to let you log in and to show what is meant for you.',
            'Your registrations for events, with your answers to that event\'s questions and whether you attended. The '
              + 'organisers of that event see them, nobody else.',
            'If you make a calendar subscription: the secret address of your personal calendar. Renew or remove it on '
              + '"My registrations".',
          ],
        },
        {
          heading: 'Cookies',
          paragraphs: ['We use only the cookies the site needs: a session cookie that keeps you logged in (MBO_SESSION), a '
            + 'security cookie against misuse of forms (XSRF-TOKEN) and your choice of language (lang). No third-party '
            + 'cookies, no tracking.'],
        },
        {
          heading: 'Whom we share with',
          paragraphs: ['Regional partners (schools, training centres) see the public events and how full they are, never '
            + 'who registered. We sell or give your data to nobody.'],
        },
        {
          heading: 'For how long',
          paragraphs: ['As long as your account exists. Registrations are kept until a year after the event, then only '
            + 'counted. If you delete your account, your data goes; what you wrote stays, under "former member".'],
        },
        {
          heading: 'Your rights',
          paragraphs: ['You may see what we keep about you, have it corrected or deleted, and object. Email '
            + 'info@mboconnect.nl. If you disagree with how we handle your data, you can complain to the Dutch Data '
            + 'Protection Authority (Autoriteit Persoonsgegevens).'],
        },
      ],
    },
  },
  toegankelijkheid: {
    nl: {
      title: 'Toegankelijkheid',
      lead: 'MBO Connect wil voor iedereen bruikbaar zijn: op een telefoon, met een toetsenbord, met een schermlezer.',
      sections: [
        {
          heading: 'Waar we aan werken',
          paragraphs: ['We bouwen de site volgens de Web Content Accessibility Guidelines (WCAG) 2.2, niveau AA, zoals de '
            + 'Nederlandse overheid dat van haar eigen sites vraagt.'],
        },
        {
          heading: 'Hoe we het toetsen',
          paragraphs: ['Bij elke wijziging controleren automatische tests elke pagina met axe-core, ingelogd en niet '
            + 'ingelogd, op een telefoon en op een groot scherm; en of elke pagina een titel, een hoofdinhoud en een link '
            + '"Naar de inhoud" heeft en nergens opzij scrolt. We bedienen de site met alleen een toetsenbord. Een toets door '
            + 'een onafhankelijke partij en een toegankelijkheidsverklaring in het register van de overheid volgen.'],
        },
        {
          heading: 'Wat nog niet goed is',
          paragraphs: ['Lange samengestelde woorden breken op een smalle telefoon soms op een plek die een mens niet zou '
            + 'kiezen. Zie je iets dat niet werkt, laat het ons weten.'],
        },
        {
          heading: 'Iets gevonden?',
          paragraphs: ['Mail info@mboconnect.nl met de pagina en wat er misgaat. We antwoorden binnen vijf werkdagen en '
            + 'zeggen wanneer het opgelost is.'],
        },
      ],
    },
    en: {
      title: 'Accessibility',
      lead: 'MBO Connect means to work for everyone: on a phone, with a keyboard, with a screen reader.',
      sections: [
        {
          heading: 'What we aim for',
          paragraphs: ['We build the site to the Web Content Accessibility Guidelines (WCAG) 2.2, level AA, as the Dutch '
            + 'government asks of its own sites.'],
        },
        {
          heading: 'How we check',
          paragraphs: ['With every change, automated tests check every page with axe-core, logged in and out, on a phone and '
            + 'on a large screen; and that every page has a title, a main part and a "Skip to content" link and never '
            + 'scrolls sideways. We use the site with a keyboard only. An audit by an independent party and an '
            + 'accessibility statement in the government\'s register will follow.'],
        },
        {
          heading: 'What is not right yet',
          paragraphs: ['On a narrow phone, long compound words sometimes break where a person would not break them. If you '
            + 'find something that does not work, let us know.'],
        },
        {
          heading: 'Found something?',
          paragraphs: ['Email info@mboconnect.nl with the page and what goes wrong. We answer within five working days and '
            + 'say when it is fixed.'],
        },
      ],
    },
  },
};
