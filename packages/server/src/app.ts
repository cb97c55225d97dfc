import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifySchema } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import './platform/validation-messages.ts';
import type { Database } from './db/schema.ts';
import { AssessmentPhotos, assessmentPhotoRoutes } from './modules/assessments/assessment-photos.ts';
import { assessmentsRoutes } from './modules/assessments/assessments.routes.ts';
import { AssessmentsService } from './modules/assessments/assessments.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { accountRoutes } from './modules/auth/account.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { emergencyAccessRoutes } from './modules/emergency-access/emergency-access.routes.ts';
import { EmergencyAccessService } from './modules/emergency-access/emergency-access.service.ts';
import { fhirRoutes } from './modules/fhir/fhir.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { healthHistoryRoutes } from './modules/health-history/health-history.routes.ts';
import { HealthHistoryService } from './modules/health-history/health-history.service.ts';
import { clinicProfileRoutes } from './modules/organization/clinic-profile.routes.ts';
import { organizationRoutes } from './modules/organization/organization.routes.ts';
import { outboxRoutes } from './modules/outbox/outbox.routes.ts';
import { outcomesRoutes } from './modules/outcomes/outcomes.routes.ts';
import { OutcomesService } from './modules/outcomes/outcomes.service.ts';
import { patientsRoutes } from './modules/patients/patients.routes.ts';
import { PatientsService } from './modules/patients/patients.service.ts';
import { homeCareRoutes } from './modules/plans/home-care.routes.ts';
import { plansRoutes } from './modules/plans/plans.routes.ts';
import { PlansService } from './modules/plans/plans.service.ts';
import { referralsRoutes } from './modules/referrals/referrals.routes.ts';
import { ReferralsService } from './modules/referrals/referrals.service.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { ReportsService } from './modules/reports/reports.service.ts';
import { SharesService } from './modules/reports/shares.service.ts';
import { screeningRoutes } from './modules/screening/screening.routes.ts';
import { ScreeningService } from './modules/screening/screening.service.ts';
import { sessionsRoutes } from './modules/sessions/sessions.routes.ts';
import { SessionsService } from './modules/sessions/sessions.service.ts';
import { InvitationsService } from './modules/staff/invitations.service.ts';
import { staffRoutes } from './modules/staff/staff.routes.ts';
import { StaffService } from './modules/staff/staff.service.ts';
import { loadAuditKeyring } from './platform/audit-keys.ts';
import { loadSecretBox, type SecretBox } from './platform/auth/secret-box.ts';
import { installCanonicalIds } from './platform/canonical-ids.ts';
import { Mailer } from './platform/mail.ts';
import { installInputGuards } from './platform/malformed-input.ts';
import { installProblemHandlers } from './platform/problem.ts';
import { installRequestAuth, type RouteAuth } from './platform/request-auth.ts';
import { Tenancy } from './platform/tenancy.ts';
import { clientErrorProblem, routingProblem } from './platform/transport-problems.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface RouteEntry {
  method: string;
  url: string;
  auth: RouteAuth | undefined;
  permission: string | undefined;
  /** The route's declared params/querystring/body schemas (Zod), walked by the fuzz test. */
  schema: FastifySchema | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule: the table the permission test walks. */
    routeTable: RouteEntry[];
  }
}

const carriesRecords = (url: string) => /^\/(api|fhir)(\/|\?|$)/.test(url);

/** Builds the whole application without listening, so tests drive it with `inject` or a port. */
export async function buildApp(
  config: Config,
  db: Kysely<Database>,
  secrets: SecretBox = loadSecretBox(config),
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: routingProblem,
    clientErrorHandler: clientErrorProblem,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: r.url,
        auth: r.config?.auth,
        permission: r.config?.permission,
        schema: r.schema,
      });
    }
  });

  const webApp = existsSync(path.join(WEB_DIST, 'index.html'));
  installProblemHandlers(app, { webApp });
  installCanonicalIds(app);
  installInputGuards(app);
  await app.register(fastifyCookie);
  // Built once: @fastify/helmet builds helmet again on every request (it showed in request profiles).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine injects its CSS variables in style attributes and tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // The share page shows the PDF it fetched with the access code from an object URL.
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  app.addHook('onRequest', (req, reply, done) => {
    // Anything the API or FHIR answers may carry a patient's record (errors included); no browser,
    // proxy or shared-tablet cache may keep it. The web app's static files stay cacheable.
    if (carriesRecords(req.url) || carriesRecords(req.routeOptions.url ?? ''))
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    securityHeaders(req.raw, reply.raw, (err) => done(err as Error | undefined));
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Fascia API',
        version: '0.1.0',
        description: 'Clinical software for medical massage therapy.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'fascia_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const tenancy = new Tenancy(db, config.readAuditCommit, loadAuditKeyring(config, { create: true }));
  installRequestAuth(app, tenancy, config);
  const mailer = new Mailer(tenancy, config);
  const auth = new AuthService(tenancy, config, secrets);
  const staff = new StaffService(tenancy, mailer, config);
  const invitations = new InvitationsService(tenancy, auth);

  await app.register(healthRoutes(db));
  await app.register(authRoutes(auth, config));
  await app.register(staffRoutes(staff, invitations, config));
  await app.register(organizationRoutes(tenancy));
  await app.register(clinicProfileRoutes(tenancy));
  await app.register(accountRoutes(tenancy));
  await app.register(auditRoutes(tenancy));
  await app.register(outboxRoutes(tenancy));
  await app.register(patientsRoutes(new PatientsService(tenancy)));
  await app.register(emergencyAccessRoutes(new EmergencyAccessService(tenancy)));
  await app.register(healthHistoryRoutes(new HealthHistoryService(tenancy)));
  await app.register(referralsRoutes(new ReferralsService(tenancy)));
  await app.register(screeningRoutes(new ScreeningService(tenancy)));
  await app.register(assessmentsRoutes(new AssessmentsService(tenancy)));
  await app.register(assessmentPhotoRoutes(new AssessmentPhotos(tenancy)));
  await app.register(outcomesRoutes(new OutcomesService(tenancy), config));
  await app.register(plansRoutes(new PlansService(tenancy)));
  await app.register(homeCareRoutes(tenancy));
  await app.register(sessionsRoutes(new SessionsService(tenancy)));
  await app.register(
    reportsRoutes(new ReportsService(tenancy), new SharesService(tenancy, mailer, config), config),
  );
  await app.register(fhirRoutes(tenancy, config));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, async () =>
    app.swagger(),
  );

  // Files are looked up on each request, so a rebuilt web app (new hashed asset names) is served
  // without a restart; unknown paths fall through to the not-found handler and its app fallback.
  if (webApp) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: 'index.html' });
  return app;
}
