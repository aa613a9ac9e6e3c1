import { DemoPost } from './demo-types';

/** The publisher's demo posts. */
export const PUBLISHER: DemoPost[] = [
  {
    key: 'ten-years-letter',
    authorKey: 'admin',
    title: 'A Letter from the Publisher: Ten Years of the Gazette',
    excerpt: 'Ten years, four stories on the first day, and one seal in the inner basin. A thank-you to our readers.',
    coverImageUrl: 'https://images.example.com/gazette/ten-years.jpg',
    tags: ['community'],
    status: 'PUBLISHED',
    publishedDaysAgo: 58,
    body: `<p>Ten years ago this month, the first edition of The Harbour Gazette went out from a spare room above Pascoe's chandlery on Quay Street. It had four stories, one of which was about a seal that had found its way into the inner basin. We had 212 readers on the first day, and I am fairly sure I was related to a dozen of them.</p>
<p>A decade on, the Gazette is read by around 40,000 people a month. We have six writers and editors, a rota of freelancers and a much better office, though it is still within sight of the harbour.</p>
<h2>What hasn't changed</h2>
<p>Our job remains the same: to tell Wrenport what is happening in its council chamber, its courts, its schools, its harbour and its streets, accurately and fairly, and to let the people affected have their say. We have no owner but ourselves, and no agenda but that.</p>
<ul>
<li>We correct our mistakes openly, at the foot of the story.</li>
<li>We name our sources wherever we can, and explain why when we can't.</li>
<li>We keep the site free to read, funded by local advertisers and by readers who choose to support us.</li>
</ul>
<p>To everyone who has sent us a tip, written a letter, argued with us in the comments or bought a supporter's membership: thank you. The next ten years start now.</p>
<p><em>Helena Marsh, publisher</em></p>`,
  },
  {
    key: 'reader-survey-results',
    authorKey: 'admin',
    title: 'What You Told Us: Reader Survey Results',
    tags: ['community', 'tech'],
    status: 'PUBLISHED',
    publishedDaysAgo: 21,
    // The onclick attribute below is deliberate: it demonstrates the HTML sanitizer.
    body: `<p>More than 1,600 of you answered our annual reader survey last month, our biggest response yet. Thank you. Here is what we learned, and what we plan to do about it.</p>
<h2>What you want more of</h2>
<ul>
<li><strong>Council coverage</strong>: 71 per cent said reporting on council decisions was the most useful thing we do.</li>
<li><strong>Transport</strong>: ferry and bus updates came a close second, especially among Holm Island readers.</li>
<li><strong>Science and the environment</strong>: a clear rise from last year, driven by interest in the bay and the tidal turbine trial.</li>
</ul>
<h2>What you want less of</h2>
<p>Pop-up adverts, overwhelmingly. We have already removed them. A smaller number of you said our headlines had become too clickbaity; the editors have taken that to heart.</p>
<h2>How you read us</h2>
<p>Nearly two-thirds of you read the Gazette on a phone, most often in the morning. Many of you asked for a daily email summary, which we will launch in the spring, and a way to follow particular topics, which our developers are working on now.</p>
<p>Some of you asked for the full anonymised results. They are on <a href="https://harbourgazette.example.org/survey-results" onclick="alert('Thanks for reading!')">our results page</a>.</p>
<p>We read every free-text comment, all 900 of them, including the one that simply said "more seals". Noted.</p>`,
    comments: [
      {
        authorName: 'Harriet Lowe',
        body: 'More seals. Always more seals.',
        status: 'APPROVED',
        hoursAfter: 10,
        replies: [
          {
            authorName: 'Helena Marsh',
            body: 'We hear you, Harriet. A seal desk is under active consideration.',
            status: 'APPROVED',
            hoursAfter: 12,
          },
        ],
      },
      {
        authorName: 'Marcus Bell',
        body: 'Really glad the pop-ups are gone. Would love a Holm Island-only email too.',
        status: 'APPROVED',
        hoursAfter: 28,
      },
    ],
  },
  {
    key: 'comments-policy-2019',
    authorKey: 'admin',
    title: 'Our Comments Policy (2019 Version)',
    excerpt: 'The ground rules for comments on the Gazette, as they stood in 2019. Archived.',
    tags: ['community'],
    status: 'ARCHIVED',
    publishedDaysAgo: 57,
    body: `<p><em>This page has been archived. It has been replaced by our updated community guidelines.</em></p>
<p>Comments on The Harbour Gazette are a place for readers to discuss our stories, add information and, when we get things wrong, tell us. We want them to be useful and civil. These are the ground rules.</p>
<ul>
<li>Comments are checked by an editor before they appear. This usually happens within a few hours during the working day, longer at weekends.</li>
<li>Disagree with us or with each other as much as you like, but argue with the point, not the person.</li>
<li>No personal abuse, no discrimination and no threats.</li>
<li>Do not post anyone's private information, including addresses and phone numbers.</li>
<li>Advertising and links to unrelated sites will be removed as spam.</li>
</ul>
<h2>Why we moderate</h2>
<p>We are a small team and we are legally responsible for what appears on our site. Pre-moderation slows things down, but it means we can keep comments open on difficult stories, such as court reports, where many other sites turn them off entirely.</p>
<p>If your comment has not appeared and you think it should have, email the editors and we will explain our decision.</p>`,
  },
];
