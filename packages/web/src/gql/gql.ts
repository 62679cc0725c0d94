/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  fragment ViewerPerson on Person {\n    id\n    firstName\n    lastName\n    email\n    locale\n    mustChangePassword\n    mustEnrollMfa\n  }\n': typeof types.ViewerPersonFragmentDoc;
  '\n  fragment ViewerOperator on Operator {\n    id\n    name\n    email\n    mustEnrollMfa\n  }\n': typeof types.ViewerOperatorFragmentDoc;
  '\n  fragment ViewerAccess on Person {\n    id\n    accessLevel {\n      code\n    }\n    company {\n      id\n      billingSetupComplete\n      status\n    }\n  }\n': typeof types.ViewerAccessFragmentDoc;
  '\n  query Viewer {\n    me {\n      ...ViewerPerson\n    }\n    currentOperator {\n      ...ViewerOperator\n    }\n  }\n': typeof types.ViewerDocument;
  '\n  query ViewerBootstrap {\n    me {\n      ...ViewerPerson\n      ...ViewerAccess\n    }\n    currentOperator {\n      ...ViewerOperator\n    }\n  }\n': typeof types.ViewerBootstrapDocument;
  '\n  query Access {\n    me {\n      ...ViewerAccess\n    }\n  }\n': typeof types.AccessDocument;
  '\n  mutation SignOut {\n    signOut\n  }\n': typeof types.SignOutDocument;
  '\n  fragment UserErrorFields on UserError {\n    field\n    code\n    message\n    params {\n      name\n      value\n    }\n  }\n': typeof types.UserErrorFieldsFragmentDoc;
  '\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      person {\n        ...ViewerPerson\n      }\n      mfaRequired\n      mfaChallenge\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.AcceptInvitationDocument;
  '\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RegisterDocument;
  '\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      person {\n        ...ViewerPerson\n      }\n      operator {\n        ...ViewerOperator\n      }\n      mfaRequired\n      mfaChallenge\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.SignInDocument;
  '\n  mutation VerifyMfa($challenge: String!, $code: String!) {\n    verifyMfa(challenge: $challenge, code: $code) {\n      person {\n        ...ViewerPerson\n      }\n      operator {\n        ...ViewerOperator\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.VerifyMfaDocument;
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      person {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.ChangePasswordDocument;
  '\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n': typeof types.RequestPasswordResetDocument;
  '\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.ResetPasswordDocument;
  '\n  mutation UpdateMyProfile($input: ProfileInput!) {\n    updateMyProfile(input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        locale\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.UpdateMyProfileDocument;
  '\n  query CompanyMfaRequirement {\n    company {\n      id\n      requireMfa\n    }\n    me {\n      id\n      mfaEnabled\n    }\n  }\n': typeof types.CompanyMfaRequirementDocument;
  '\n  mutation SetCompanyMfaRequirement($required: Boolean!) {\n    setCompanyMfaRequirement(required: $required) {\n      company {\n        id\n        requireMfa\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.SetCompanyMfaRequirementDocument;
  '\n  query AccessLevels($locale: String) {\n    accessLevels {\n      code\n      label(locale: $locale)\n      description(locale: $locale)\n      allSites\n      payments\n    }\n  }\n': typeof types.AccessLevelsDocument;
  '\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $personId: ID\n    $siteId: ID\n    $kind: String\n    $from: DateTime\n    $to: DateTime\n  ) {\n    auditEvents(\n      first: $first\n      after: $after\n      personId: $personId\n      siteId: $siteId\n      kind: $kind\n      from: $from\n      to: $to\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          subjectType\n          subjectId\n          siteId\n          ip\n          changes {\n            field\n            before\n            after\n          }\n          actor {\n            kind\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n': typeof types.AuditEventsDocument;
  '\n  query AuditPersonLabel($id: ID!) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      email\n    }\n  }\n': typeof types.AuditPersonLabelDocument;
  '\n  query AuditSiteLabel($id: ID!) {\n    site(id: $id) {\n      id\n      name\n    }\n  }\n': typeof types.AuditSiteLabelDocument;
  '\n  query PersonOptions($search: String, $first: Int) {\n    people(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n        }\n      }\n    }\n  }\n': typeof types.PersonOptionsDocument;
  '\n  query BillingSetup {\n    company {\n      id\n      name\n      type\n      country\n      currency\n      billingSetupComplete\n      vatNumber\n      paymentMethod\n      acceptedTermsVersion\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n    }\n  }\n': typeof types.BillingSetupDocument;
  '\n  query TermsOfService($locale: String) {\n    termsOfService(locale: $locale) {\n      version\n      locale\n      text\n    }\n  }\n': typeof types.TermsOfServiceDocument;
  '\n  query UserPrice {\n    dashboard {\n      nextInvoiceEstimate {\n        currency\n        unitAmount\n      }\n    }\n  }\n': typeof types.UserPriceDocument;
  '\n  mutation CompleteBillingSetup($input: BillingSetupInput!) {\n    completeBillingSetup(input: $input) {\n      company {\n        id\n        billingSetupComplete\n        vatNumber\n        paymentMethod\n        acceptedTermsVersion\n        card {\n          brand\n          last4\n          expMonth\n          expYear\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CompleteBillingSetupDocument;
  '\n  mutation CreateCardSetup {\n    createCardSetup {\n      clientSecret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CreateCardSetupDocument;
  '\n  query BillingStanding {\n    company {\n      id\n      status\n      overdue {\n        invoiceCount\n        total\n        currency\n        oldestDueAt\n        suspendsAt\n        oldestInvoiceId\n      }\n    }\n  }\n': typeof types.BillingStandingDocument;
  '\n  query Dashboard($withEstimate: Boolean!) {\n    dashboard {\n      siteCount\n      activeSiteCount\n      inactiveSiteCount\n      entryUserCount\n      invitedPeopleCount\n      nextInvoiceEstimate @include(if: $withEstimate) {\n        currency\n        periodStart\n        periodEnd\n        activeEntryUsers\n        billedEntryUsers\n        unitAmount\n        subtotal\n        note\n      }\n    }\n  }\n': typeof types.DashboardDocument;
  '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CreateApiKeyDocument;
  '\n  mutation RotateApiKey($id: ID!, $overlapHours: Int) {\n    rotateApiKey(id: $id, overlapHours: $overlapHours) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RotateApiKeyDocument;
  '\n  query WebhookDeliveries($first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookEndpoints {\n      id\n      deliveries(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...WebhookDeliveryRow\n          }\n        }\n      }\n    }\n  }\n': typeof types.WebhookDeliveriesDocument;
  '\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CreateWebhookEndpointDocument;
  '\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      delivery {\n        ...WebhookDeliveryRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RedeliverWebhookDocument;
  '\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    sites {\n      id\n      name\n    }\n    createdAt\n    createdBy {\n      id\n      firstName\n      lastName\n    }\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n': typeof types.ApiKeyRowFragmentDoc;
  '\n  query ApiKeys($first: Int, $after: String, $includeRevoked: Boolean) {\n    apiKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ApiKeyRow\n        }\n      }\n    }\n  }\n': typeof types.ApiKeysDocument;
  '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RevokeApiKeyDocument;
  '\n  fragment WebhookEndpointCard on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledForFailingAt\n    createdAt\n  }\n': typeof types.WebhookEndpointCardFragmentDoc;
  '\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointCard\n    }\n  }\n': typeof types.WebhookEndpointsDocument;
  '\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    attempts\n    lastResponseStatus\n    lastAttemptAt\n    nextAttemptAt\n    createdAt\n  }\n': typeof types.WebhookDeliveryRowFragmentDoc;
  '\n  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.UpdateWebhookEndpointDocument;
  '\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.DeleteWebhookEndpointDocument;
  '\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RotateWebhookSecretDocument;
  '\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      delivery {\n        ...WebhookDeliveryRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.SendTestWebhookDocument;
  '\n  query PendingRegistrations($first: Int) {\n    pendingRegistrations(first: $first) {\n      id\n      name\n      type\n      country\n      status\n      createdAt\n      registration {\n        companyAddress\n        companyPhone\n        vatNumber\n        firstName\n        lastName\n        email\n        phone\n        locale\n      }\n    }\n  }\n': typeof types.PendingRegistrationsDocument;
  '\n  mutation ApproveRegistration($companyId: ID!) {\n    approveRegistration(companyId: $companyId) {\n      company {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.ApproveRegistrationDocument;
  '\n  mutation RejectRegistration($companyId: ID!, $reason: String!) {\n    rejectRegistration(companyId: $companyId, reason: $reason) {\n      company {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RejectRegistrationDocument;
  '\n  query PaymentDiscrepancies($first: Int) {\n    paymentDiscrepancies(first: $first) {\n      id\n      kinds\n      company {\n        id\n        name\n      }\n      invoiceNumber\n      expectedAmount\n      expectedCurrency\n      expectedPaymentIntentId\n      receivedAmount\n      receivedCurrency\n      receivedPaymentIntentId\n      eventId\n      eventType\n      receivedAt\n    }\n  }\n': typeof types.PaymentDiscrepanciesDocument;
  '\n  mutation MarkPaymentDiscrepancyReviewed($id: ID!) {\n    markPaymentDiscrepancyReviewed(id: $id) {\n      paymentDiscrepancy {\n        id\n        reviewedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.MarkPaymentDiscrepancyReviewedDocument;
  '\n  query BillingDetails {\n    company {\n      id\n      billingEmails\n      billingEmailsLocale\n      purchaseOrderNumber\n    }\n  }\n': typeof types.BillingDetailsDocument;
  '\n  mutation UpdateBillingDetails($input: BillingDetailsInput!) {\n    updateBillingDetails(input: $input) {\n      company {\n        id\n        billingEmails\n        billingEmailsLocale\n        purchaseOrderNumber\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.UpdateBillingDetailsDocument;
  '\n  query PaymentOverview($first: Int!, $after: String) {\n    company {\n      id\n      type\n      country\n      currency\n      billingSetupComplete\n      vatNumber\n      paymentMethod\n      acceptedTermsVersion\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n      invoices(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            periodStart\n            periodEnd\n            issuedAt\n            dueAt\n            currency\n            total\n            status\n            overdue\n            paidAt\n          }\n        }\n      }\n    }\n  }\n': typeof types.PaymentOverviewDocument;
  '\n  mutation UpdatePaymentMethod($paymentMethod: PaymentMethodType!, $paymentMethodToken: String) {\n    updatePaymentMethod(paymentMethod: $paymentMethod, paymentMethodToken: $paymentMethodToken) {\n      company {\n        id\n        paymentMethod\n        card {\n          brand\n          last4\n          expMonth\n          expYear\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.UpdatePaymentMethodDocument;
  '\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      periodStart\n      periodEnd\n      issuedAt\n      dueAt\n      currency\n      subtotal\n      tax\n      total\n      taxRateBasisPoints\n      reverseCharge\n      status\n      paidAt\n      paymentMethod\n      overdue\n      purchaseOrderNumber\n      billingEmails\n      lines {\n        description\n        costCenter\n        quantity\n        unitAmount\n        amount\n        site {\n          id\n          name\n        }\n      }\n      pdfUrl\n      csvUrl\n    }\n    company {\n      id\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n    }\n  }\n': typeof types.InvoiceDocument;
  '\n  mutation PayInvoice($id: ID!, $paymentMethodToken: String) {\n    payInvoice(id: $id, paymentMethodToken: $paymentMethodToken) {\n      invoice {\n        id\n        status\n        paidAt\n        overdue\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.PayInvoiceDocument;
  '\n  query People(\n    $first: Int\n    $after: String\n    $search: String\n    $accessLevel: AccessLevelCode\n    $status: PersonStatus\n    $sitesInRow: Int\n    $locale: String\n  ) {\n    people(\n      first: $first\n      after: $after\n      search: $search\n      accessLevel: $accessLevel\n      status: $status\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          status\n          accessLevel {\n            code\n            label(locale: $locale)\n          }\n          sites(first: $sitesInRow) {\n            totalCount\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n': typeof types.PeopleDocument;
  '\n  query EditPerson($id: ID!, $sitesFirst: Int, $locale: String) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      status\n      locale\n      accessLevel {\n        code\n        label(locale: $locale)\n      }\n      sites(first: $sitesFirst) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            address\n            active\n          }\n        }\n      }\n    }\n  }\n': typeof types.EditPersonDocument;
  '\n  query PersonSitesPage($id: ID!, $after: String, $first: Int) {\n    person(id: $id) {\n      id\n      sites(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            address\n            active\n          }\n        }\n      }\n    }\n  }\n': typeof types.PersonSitesPageDocument;
  '\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        email\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.InvitePersonDocument;
  '\n  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {\n    updatePerson(id: $id, input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        status\n        accessLevel {\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.UpdatePersonDocument;
  '\n  mutation RemovePerson($id: ID!) {\n    removePerson(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RemovePersonDocument;
  '\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.ResendInvitationDocument;
  '\n  mutation DisablePerson($id: ID!) {\n    disablePerson(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.DisablePersonDocument;
  '\n  mutation EnablePerson($id: ID!) {\n    enablePerson(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.EnablePersonDocument;
  '\n  query ProfileSecurity {\n    me {\n      id\n      mfaEnabled\n      company {\n        id\n        requireMfa\n      }\n    }\n    currentOperator {\n      id\n      mfaEnabled\n    }\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      userAgent\n      ip\n      current\n    }\n  }\n': typeof types.ProfileSecurityDocument;
  '\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n': typeof types.RevokeSessionDocument;
  '\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n': typeof types.SignOutOtherSessionsDocument;
  '\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      enrollment {\n        secret\n        uri\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.StartTotpEnrollmentDocument;
  '\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.ConfirmTotpEnrollmentDocument;
  '\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code) {\n      recoveryCodes\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RegenerateRecoveryCodesDocument;
  '\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.DisableTotpDocument;
  '\n  mutation CreateSite($input: SiteInput!) {\n    createSite(input: $input) {\n      site {\n        id\n        name\n        address\n        costCenter\n        active\n        createdAt\n        deactivatedAt\n        entryUserCount\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CreateSiteDocument;
  '\n  mutation UpdateSite($id: ID!, $input: SiteInput!) {\n    updateSite(id: $id, input: $input) {\n      site {\n        id\n        name\n        address\n        costCenter\n        updatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.UpdateSiteDocument;
  '\n  mutation DeactivateSite($id: ID!) {\n    deactivateSite(id: $id) {\n      site {\n        id\n        active\n        deactivatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.DeactivateSiteDocument;
  '\n  mutation ReactivateSite($id: ID!) {\n    reactivateSite(id: $id) {\n      site {\n        id\n        active\n        deactivatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.ReactivateSiteDocument;
  '\n  mutation RemoveEntryUser($id: ID!) {\n    removeEntryUser(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RemoveEntryUserDocument;
  '\n  query Sites(\n    $search: String\n    $active: Boolean\n    $first: Int\n    $after: String\n    $withAdmins: Boolean!\n  ) {\n    sites(search: $search, active: $active, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          address\n          costCenter\n          active\n          deactivatedAt\n          entryUserCount\n          siteAdmins @include(if: $withAdmins) {\n            id\n            firstName\n            lastName\n          }\n        }\n      }\n    }\n  }\n': typeof types.SitesDocument;
  '\n  query SiteDetail($id: ID!, $search: String, $first: Int, $after: String) {\n    site(id: $id) {\n      id\n      name\n      address\n      costCenter\n      active\n      createdAt\n      deactivatedAt\n      entryUserCount\n      entryUsers(search: $search, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            firstName\n            lastName\n            email\n            apartment\n            activeFrom\n            moveInDate\n            moveOutDate\n            status\n          }\n        }\n      }\n    }\n  }\n': typeof types.SiteDetailDocument;
  '\n  query SiteAdmins($id: ID!) {\n    site(id: $id) {\n      id\n      siteAdmins {\n        id\n        firstName\n        lastName\n        email\n        status\n      }\n    }\n  }\n': typeof types.SiteAdminsDocument;
  '\n  mutation AddEntryUser($siteId: ID!, $input: EntryUserInput!) {\n    addEntryUser(siteId: $siteId, input: $input) {\n      entryUser {\n        id\n        firstName\n        lastName\n        email\n        apartment\n        activeFrom\n        moveInDate\n        moveOutDate\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.AddEntryUserDocument;
  '\n  mutation UpdateEntryUser($id: ID!, $input: EntryUserInput!) {\n    updateEntryUser(id: $id, input: $input) {\n      entryUser {\n        id\n        firstName\n        lastName\n        email\n        apartment\n        activeFrom\n        moveInDate\n        moveOutDate\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.UpdateEntryUserDocument;
  '\n  query SiteOptions($search: String, $first: Int) {\n    sites(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          address\n          active\n        }\n      }\n    }\n  }\n': typeof types.SiteOptionsDocument;
  '\n  query SiteTransfers {\n    incoming: siteTransfers(direction: INCOMING) {\n      id\n      site {\n        id\n        name\n      }\n      siteName\n      fromCompanyName\n      toCompanyName\n      recipientEmail\n      message\n      status\n      createdAt\n      expiresAt\n      decidedAt\n      declineReason\n      effectiveDate\n      entryUserCount\n      nameAlreadyUsed\n      undoneAt\n    }\n    outgoing: siteTransfers(direction: OUTGOING) {\n      id\n      site {\n        id\n        name\n      }\n      siteName\n      fromCompanyName\n      toCompanyName\n      recipientEmail\n      message\n      status\n      createdAt\n      expiresAt\n      decidedAt\n      declineReason\n      effectiveDate\n      entryUserCount\n      nameAlreadyUsed\n      undoneAt\n    }\n  }\n': typeof types.SiteTransfersDocument;
  '\n  mutation RequestSiteTransfer($input: RequestSiteTransferInput!) {\n    requestSiteTransfer(input: $input) {\n      siteTransfer {\n        id\n        recipientEmail\n        expiresAt\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.RequestSiteTransferDocument;
  '\n  mutation AcceptSiteTransfer($id: ID!) {\n    acceptSiteTransfer(id: $id) {\n      siteTransfer {\n        id\n        site {\n          id\n          name\n        }\n        toCompanyName\n        status\n        decidedAt\n        effectiveDate\n        entryUserCount\n        nameAlreadyUsed\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.AcceptSiteTransferDocument;
  '\n  mutation DeclineSiteTransfer($id: ID!, $reason: String) {\n    declineSiteTransfer(id: $id, reason: $reason) {\n      siteTransfer {\n        id\n        status\n        decidedAt\n        declineReason\n        effectiveDate\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.DeclineSiteTransferDocument;
  '\n  mutation CancelSiteTransfer($id: ID!) {\n    cancelSiteTransfer(id: $id) {\n      siteTransfer {\n        id\n        status\n        decidedAt\n        effectiveDate\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n': typeof types.CancelSiteTransferDocument;
  '\n  query WaitingTransfer {\n    siteTransfers(direction: INCOMING, status: PENDING, first: 1) {\n      id\n    }\n  }\n': typeof types.WaitingTransferDocument;
};
const documents: Documents = {
  '\n  fragment ViewerPerson on Person {\n    id\n    firstName\n    lastName\n    email\n    locale\n    mustChangePassword\n    mustEnrollMfa\n  }\n':
    types.ViewerPersonFragmentDoc,
  '\n  fragment ViewerOperator on Operator {\n    id\n    name\n    email\n    mustEnrollMfa\n  }\n':
    types.ViewerOperatorFragmentDoc,
  '\n  fragment ViewerAccess on Person {\n    id\n    accessLevel {\n      code\n    }\n    company {\n      id\n      billingSetupComplete\n      status\n    }\n  }\n':
    types.ViewerAccessFragmentDoc,
  '\n  query Viewer {\n    me {\n      ...ViewerPerson\n    }\n    currentOperator {\n      ...ViewerOperator\n    }\n  }\n':
    types.ViewerDocument,
  '\n  query ViewerBootstrap {\n    me {\n      ...ViewerPerson\n      ...ViewerAccess\n    }\n    currentOperator {\n      ...ViewerOperator\n    }\n  }\n':
    types.ViewerBootstrapDocument,
  '\n  query Access {\n    me {\n      ...ViewerAccess\n    }\n  }\n': types.AccessDocument,
  '\n  mutation SignOut {\n    signOut\n  }\n': types.SignOutDocument,
  '\n  fragment UserErrorFields on UserError {\n    field\n    code\n    message\n    params {\n      name\n      value\n    }\n  }\n':
    types.UserErrorFieldsFragmentDoc,
  '\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      person {\n        ...ViewerPerson\n      }\n      mfaRequired\n      mfaChallenge\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.AcceptInvitationDocument,
  '\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RegisterDocument,
  '\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      person {\n        ...ViewerPerson\n      }\n      operator {\n        ...ViewerOperator\n      }\n      mfaRequired\n      mfaChallenge\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.SignInDocument,
  '\n  mutation VerifyMfa($challenge: String!, $code: String!) {\n    verifyMfa(challenge: $challenge, code: $code) {\n      person {\n        ...ViewerPerson\n      }\n      operator {\n        ...ViewerOperator\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.VerifyMfaDocument,
  '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      person {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.ChangePasswordDocument,
  '\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n':
    types.RequestPasswordResetDocument,
  '\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.ResetPasswordDocument,
  '\n  mutation UpdateMyProfile($input: ProfileInput!) {\n    updateMyProfile(input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        locale\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.UpdateMyProfileDocument,
  '\n  query CompanyMfaRequirement {\n    company {\n      id\n      requireMfa\n    }\n    me {\n      id\n      mfaEnabled\n    }\n  }\n':
    types.CompanyMfaRequirementDocument,
  '\n  mutation SetCompanyMfaRequirement($required: Boolean!) {\n    setCompanyMfaRequirement(required: $required) {\n      company {\n        id\n        requireMfa\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.SetCompanyMfaRequirementDocument,
  '\n  query AccessLevels($locale: String) {\n    accessLevels {\n      code\n      label(locale: $locale)\n      description(locale: $locale)\n      allSites\n      payments\n    }\n  }\n':
    types.AccessLevelsDocument,
  '\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $personId: ID\n    $siteId: ID\n    $kind: String\n    $from: DateTime\n    $to: DateTime\n  ) {\n    auditEvents(\n      first: $first\n      after: $after\n      personId: $personId\n      siteId: $siteId\n      kind: $kind\n      from: $from\n      to: $to\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          subjectType\n          subjectId\n          siteId\n          ip\n          changes {\n            field\n            before\n            after\n          }\n          actor {\n            kind\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n':
    types.AuditEventsDocument,
  '\n  query AuditPersonLabel($id: ID!) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      email\n    }\n  }\n':
    types.AuditPersonLabelDocument,
  '\n  query AuditSiteLabel($id: ID!) {\n    site(id: $id) {\n      id\n      name\n    }\n  }\n':
    types.AuditSiteLabelDocument,
  '\n  query PersonOptions($search: String, $first: Int) {\n    people(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n        }\n      }\n    }\n  }\n':
    types.PersonOptionsDocument,
  '\n  query BillingSetup {\n    company {\n      id\n      name\n      type\n      country\n      currency\n      billingSetupComplete\n      vatNumber\n      paymentMethod\n      acceptedTermsVersion\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n    }\n  }\n':
    types.BillingSetupDocument,
  '\n  query TermsOfService($locale: String) {\n    termsOfService(locale: $locale) {\n      version\n      locale\n      text\n    }\n  }\n':
    types.TermsOfServiceDocument,
  '\n  query UserPrice {\n    dashboard {\n      nextInvoiceEstimate {\n        currency\n        unitAmount\n      }\n    }\n  }\n':
    types.UserPriceDocument,
  '\n  mutation CompleteBillingSetup($input: BillingSetupInput!) {\n    completeBillingSetup(input: $input) {\n      company {\n        id\n        billingSetupComplete\n        vatNumber\n        paymentMethod\n        acceptedTermsVersion\n        card {\n          brand\n          last4\n          expMonth\n          expYear\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CompleteBillingSetupDocument,
  '\n  mutation CreateCardSetup {\n    createCardSetup {\n      clientSecret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CreateCardSetupDocument,
  '\n  query BillingStanding {\n    company {\n      id\n      status\n      overdue {\n        invoiceCount\n        total\n        currency\n        oldestDueAt\n        suspendsAt\n        oldestInvoiceId\n      }\n    }\n  }\n':
    types.BillingStandingDocument,
  '\n  query Dashboard($withEstimate: Boolean!) {\n    dashboard {\n      siteCount\n      activeSiteCount\n      inactiveSiteCount\n      entryUserCount\n      invitedPeopleCount\n      nextInvoiceEstimate @include(if: $withEstimate) {\n        currency\n        periodStart\n        periodEnd\n        activeEntryUsers\n        billedEntryUsers\n        unitAmount\n        subtotal\n        note\n      }\n    }\n  }\n':
    types.DashboardDocument,
  '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CreateApiKeyDocument,
  '\n  mutation RotateApiKey($id: ID!, $overlapHours: Int) {\n    rotateApiKey(id: $id, overlapHours: $overlapHours) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RotateApiKeyDocument,
  '\n  query WebhookDeliveries($first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookEndpoints {\n      id\n      deliveries(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...WebhookDeliveryRow\n          }\n        }\n      }\n    }\n  }\n':
    types.WebhookDeliveriesDocument,
  '\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CreateWebhookEndpointDocument,
  '\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      delivery {\n        ...WebhookDeliveryRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RedeliverWebhookDocument,
  '\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    sites {\n      id\n      name\n    }\n    createdAt\n    createdBy {\n      id\n      firstName\n      lastName\n    }\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n':
    types.ApiKeyRowFragmentDoc,
  '\n  query ApiKeys($first: Int, $after: String, $includeRevoked: Boolean) {\n    apiKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ApiKeyRow\n        }\n      }\n    }\n  }\n':
    types.ApiKeysDocument,
  '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RevokeApiKeyDocument,
  '\n  fragment WebhookEndpointCard on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledForFailingAt\n    createdAt\n  }\n':
    types.WebhookEndpointCardFragmentDoc,
  '\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointCard\n    }\n  }\n':
    types.WebhookEndpointsDocument,
  '\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    attempts\n    lastResponseStatus\n    lastAttemptAt\n    nextAttemptAt\n    createdAt\n  }\n':
    types.WebhookDeliveryRowFragmentDoc,
  '\n  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.UpdateWebhookEndpointDocument,
  '\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.DeleteWebhookEndpointDocument,
  '\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RotateWebhookSecretDocument,
  '\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      delivery {\n        ...WebhookDeliveryRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.SendTestWebhookDocument,
  '\n  query PendingRegistrations($first: Int) {\n    pendingRegistrations(first: $first) {\n      id\n      name\n      type\n      country\n      status\n      createdAt\n      registration {\n        companyAddress\n        companyPhone\n        vatNumber\n        firstName\n        lastName\n        email\n        phone\n        locale\n      }\n    }\n  }\n':
    types.PendingRegistrationsDocument,
  '\n  mutation ApproveRegistration($companyId: ID!) {\n    approveRegistration(companyId: $companyId) {\n      company {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.ApproveRegistrationDocument,
  '\n  mutation RejectRegistration($companyId: ID!, $reason: String!) {\n    rejectRegistration(companyId: $companyId, reason: $reason) {\n      company {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RejectRegistrationDocument,
  '\n  query PaymentDiscrepancies($first: Int) {\n    paymentDiscrepancies(first: $first) {\n      id\n      kinds\n      company {\n        id\n        name\n      }\n      invoiceNumber\n      expectedAmount\n      expectedCurrency\n      expectedPaymentIntentId\n      receivedAmount\n      receivedCurrency\n      receivedPaymentIntentId\n      eventId\n      eventType\n      receivedAt\n    }\n  }\n':
    types.PaymentDiscrepanciesDocument,
  '\n  mutation MarkPaymentDiscrepancyReviewed($id: ID!) {\n    markPaymentDiscrepancyReviewed(id: $id) {\n      paymentDiscrepancy {\n        id\n        reviewedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.MarkPaymentDiscrepancyReviewedDocument,
  '\n  query BillingDetails {\n    company {\n      id\n      billingEmails\n      billingEmailsLocale\n      purchaseOrderNumber\n    }\n  }\n':
    types.BillingDetailsDocument,
  '\n  mutation UpdateBillingDetails($input: BillingDetailsInput!) {\n    updateBillingDetails(input: $input) {\n      company {\n        id\n        billingEmails\n        billingEmailsLocale\n        purchaseOrderNumber\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.UpdateBillingDetailsDocument,
  '\n  query PaymentOverview($first: Int!, $after: String) {\n    company {\n      id\n      type\n      country\n      currency\n      billingSetupComplete\n      vatNumber\n      paymentMethod\n      acceptedTermsVersion\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n      invoices(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            periodStart\n            periodEnd\n            issuedAt\n            dueAt\n            currency\n            total\n            status\n            overdue\n            paidAt\n          }\n        }\n      }\n    }\n  }\n':
    types.PaymentOverviewDocument,
  '\n  mutation UpdatePaymentMethod($paymentMethod: PaymentMethodType!, $paymentMethodToken: String) {\n    updatePaymentMethod(paymentMethod: $paymentMethod, paymentMethodToken: $paymentMethodToken) {\n      company {\n        id\n        paymentMethod\n        card {\n          brand\n          last4\n          expMonth\n          expYear\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.UpdatePaymentMethodDocument,
  '\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      periodStart\n      periodEnd\n      issuedAt\n      dueAt\n      currency\n      subtotal\n      tax\n      total\n      taxRateBasisPoints\n      reverseCharge\n      status\n      paidAt\n      paymentMethod\n      overdue\n      purchaseOrderNumber\n      billingEmails\n      lines {\n        description\n        costCenter\n        quantity\n        unitAmount\n        amount\n        site {\n          id\n          name\n        }\n      }\n      pdfUrl\n      csvUrl\n    }\n    company {\n      id\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n    }\n  }\n':
    types.InvoiceDocument,
  '\n  mutation PayInvoice($id: ID!, $paymentMethodToken: String) {\n    payInvoice(id: $id, paymentMethodToken: $paymentMethodToken) {\n      invoice {\n        id\n        status\n        paidAt\n        overdue\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.PayInvoiceDocument,
  '\n  query People(\n    $first: Int\n    $after: String\n    $search: String\n    $accessLevel: AccessLevelCode\n    $status: PersonStatus\n    $sitesInRow: Int\n    $locale: String\n  ) {\n    people(\n      first: $first\n      after: $after\n      search: $search\n      accessLevel: $accessLevel\n      status: $status\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          status\n          accessLevel {\n            code\n            label(locale: $locale)\n          }\n          sites(first: $sitesInRow) {\n            totalCount\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n':
    types.PeopleDocument,
  '\n  query EditPerson($id: ID!, $sitesFirst: Int, $locale: String) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      status\n      locale\n      accessLevel {\n        code\n        label(locale: $locale)\n      }\n      sites(first: $sitesFirst) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            address\n            active\n          }\n        }\n      }\n    }\n  }\n':
    types.EditPersonDocument,
  '\n  query PersonSitesPage($id: ID!, $after: String, $first: Int) {\n    person(id: $id) {\n      id\n      sites(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            address\n            active\n          }\n        }\n      }\n    }\n  }\n':
    types.PersonSitesPageDocument,
  '\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        email\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.InvitePersonDocument,
  '\n  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {\n    updatePerson(id: $id, input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        status\n        accessLevel {\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.UpdatePersonDocument,
  '\n  mutation RemovePerson($id: ID!) {\n    removePerson(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RemovePersonDocument,
  '\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.ResendInvitationDocument,
  '\n  mutation DisablePerson($id: ID!) {\n    disablePerson(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.DisablePersonDocument,
  '\n  mutation EnablePerson($id: ID!) {\n    enablePerson(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.EnablePersonDocument,
  '\n  query ProfileSecurity {\n    me {\n      id\n      mfaEnabled\n      company {\n        id\n        requireMfa\n      }\n    }\n    currentOperator {\n      id\n      mfaEnabled\n    }\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      userAgent\n      ip\n      current\n    }\n  }\n':
    types.ProfileSecurityDocument,
  '\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n':
    types.RevokeSessionDocument,
  '\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n':
    types.SignOutOtherSessionsDocument,
  '\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      enrollment {\n        secret\n        uri\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.StartTotpEnrollmentDocument,
  '\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.ConfirmTotpEnrollmentDocument,
  '\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code) {\n      recoveryCodes\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RegenerateRecoveryCodesDocument,
  '\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.DisableTotpDocument,
  '\n  mutation CreateSite($input: SiteInput!) {\n    createSite(input: $input) {\n      site {\n        id\n        name\n        address\n        costCenter\n        active\n        createdAt\n        deactivatedAt\n        entryUserCount\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CreateSiteDocument,
  '\n  mutation UpdateSite($id: ID!, $input: SiteInput!) {\n    updateSite(id: $id, input: $input) {\n      site {\n        id\n        name\n        address\n        costCenter\n        updatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.UpdateSiteDocument,
  '\n  mutation DeactivateSite($id: ID!) {\n    deactivateSite(id: $id) {\n      site {\n        id\n        active\n        deactivatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.DeactivateSiteDocument,
  '\n  mutation ReactivateSite($id: ID!) {\n    reactivateSite(id: $id) {\n      site {\n        id\n        active\n        deactivatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.ReactivateSiteDocument,
  '\n  mutation RemoveEntryUser($id: ID!) {\n    removeEntryUser(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RemoveEntryUserDocument,
  '\n  query Sites(\n    $search: String\n    $active: Boolean\n    $first: Int\n    $after: String\n    $withAdmins: Boolean!\n  ) {\n    sites(search: $search, active: $active, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          address\n          costCenter\n          active\n          deactivatedAt\n          entryUserCount\n          siteAdmins @include(if: $withAdmins) {\n            id\n            firstName\n            lastName\n          }\n        }\n      }\n    }\n  }\n':
    types.SitesDocument,
  '\n  query SiteDetail($id: ID!, $search: String, $first: Int, $after: String) {\n    site(id: $id) {\n      id\n      name\n      address\n      costCenter\n      active\n      createdAt\n      deactivatedAt\n      entryUserCount\n      entryUsers(search: $search, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            firstName\n            lastName\n            email\n            apartment\n            activeFrom\n            moveInDate\n            moveOutDate\n            status\n          }\n        }\n      }\n    }\n  }\n':
    types.SiteDetailDocument,
  '\n  query SiteAdmins($id: ID!) {\n    site(id: $id) {\n      id\n      siteAdmins {\n        id\n        firstName\n        lastName\n        email\n        status\n      }\n    }\n  }\n':
    types.SiteAdminsDocument,
  '\n  mutation AddEntryUser($siteId: ID!, $input: EntryUserInput!) {\n    addEntryUser(siteId: $siteId, input: $input) {\n      entryUser {\n        id\n        firstName\n        lastName\n        email\n        apartment\n        activeFrom\n        moveInDate\n        moveOutDate\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.AddEntryUserDocument,
  '\n  mutation UpdateEntryUser($id: ID!, $input: EntryUserInput!) {\n    updateEntryUser(id: $id, input: $input) {\n      entryUser {\n        id\n        firstName\n        lastName\n        email\n        apartment\n        activeFrom\n        moveInDate\n        moveOutDate\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.UpdateEntryUserDocument,
  '\n  query SiteOptions($search: String, $first: Int) {\n    sites(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          address\n          active\n        }\n      }\n    }\n  }\n':
    types.SiteOptionsDocument,
  '\n  query SiteTransfers {\n    incoming: siteTransfers(direction: INCOMING) {\n      id\n      site {\n        id\n        name\n      }\n      siteName\n      fromCompanyName\n      toCompanyName\n      recipientEmail\n      message\n      status\n      createdAt\n      expiresAt\n      decidedAt\n      declineReason\n      effectiveDate\n      entryUserCount\n      nameAlreadyUsed\n      undoneAt\n    }\n    outgoing: siteTransfers(direction: OUTGOING) {\n      id\n      site {\n        id\n        name\n      }\n      siteName\n      fromCompanyName\n      toCompanyName\n      recipientEmail\n      message\n      status\n      createdAt\n      expiresAt\n      decidedAt\n      declineReason\n      effectiveDate\n      entryUserCount\n      nameAlreadyUsed\n      undoneAt\n    }\n  }\n':
    types.SiteTransfersDocument,
  '\n  mutation RequestSiteTransfer($input: RequestSiteTransferInput!) {\n    requestSiteTransfer(input: $input) {\n      siteTransfer {\n        id\n        recipientEmail\n        expiresAt\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.RequestSiteTransferDocument,
  '\n  mutation AcceptSiteTransfer($id: ID!) {\n    acceptSiteTransfer(id: $id) {\n      siteTransfer {\n        id\n        site {\n          id\n          name\n        }\n        toCompanyName\n        status\n        decidedAt\n        effectiveDate\n        entryUserCount\n        nameAlreadyUsed\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.AcceptSiteTransferDocument,
  '\n  mutation DeclineSiteTransfer($id: ID!, $reason: String) {\n    declineSiteTransfer(id: $id, reason: $reason) {\n      siteTransfer {\n        id\n        status\n        decidedAt\n        declineReason\n        effectiveDate\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.DeclineSiteTransferDocument,
  '\n  mutation CancelSiteTransfer($id: ID!) {\n    cancelSiteTransfer(id: $id) {\n      siteTransfer {\n        id\n        status\n        decidedAt\n        effectiveDate\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n':
    types.CancelSiteTransferDocument,
  '\n  query WaitingTransfer {\n    siteTransfers(direction: INCOMING, status: PENDING, first: 1) {\n      id\n    }\n  }\n':
    types.WaitingTransferDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ViewerPerson on Person {\n    id\n    firstName\n    lastName\n    email\n    locale\n    mustChangePassword\n    mustEnrollMfa\n  }\n',
): (typeof documents)['\n  fragment ViewerPerson on Person {\n    id\n    firstName\n    lastName\n    email\n    locale\n    mustChangePassword\n    mustEnrollMfa\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ViewerOperator on Operator {\n    id\n    name\n    email\n    mustEnrollMfa\n  }\n',
): (typeof documents)['\n  fragment ViewerOperator on Operator {\n    id\n    name\n    email\n    mustEnrollMfa\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ViewerAccess on Person {\n    id\n    accessLevel {\n      code\n    }\n    company {\n      id\n      billingSetupComplete\n      status\n    }\n  }\n',
): (typeof documents)['\n  fragment ViewerAccess on Person {\n    id\n    accessLevel {\n      code\n    }\n    company {\n      id\n      billingSetupComplete\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Viewer {\n    me {\n      ...ViewerPerson\n    }\n    currentOperator {\n      ...ViewerOperator\n    }\n  }\n',
): (typeof documents)['\n  query Viewer {\n    me {\n      ...ViewerPerson\n    }\n    currentOperator {\n      ...ViewerOperator\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ViewerBootstrap {\n    me {\n      ...ViewerPerson\n      ...ViewerAccess\n    }\n    currentOperator {\n      ...ViewerOperator\n    }\n  }\n',
): (typeof documents)['\n  query ViewerBootstrap {\n    me {\n      ...ViewerPerson\n      ...ViewerAccess\n    }\n    currentOperator {\n      ...ViewerOperator\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Access {\n    me {\n      ...ViewerAccess\n    }\n  }\n',
): (typeof documents)['\n  query Access {\n    me {\n      ...ViewerAccess\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignOut {\n    signOut\n  }\n',
): (typeof documents)['\n  mutation SignOut {\n    signOut\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment UserErrorFields on UserError {\n    field\n    code\n    message\n    params {\n      name\n      value\n    }\n  }\n',
): (typeof documents)['\n  fragment UserErrorFields on UserError {\n    field\n    code\n    message\n    params {\n      name\n      value\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      person {\n        ...ViewerPerson\n      }\n      mfaRequired\n      mfaChallenge\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      person {\n        ...ViewerPerson\n      }\n      mfaRequired\n      mfaChallenge\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      person {\n        ...ViewerPerson\n      }\n      operator {\n        ...ViewerOperator\n      }\n      mfaRequired\n      mfaChallenge\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      person {\n        ...ViewerPerson\n      }\n      operator {\n        ...ViewerOperator\n      }\n      mfaRequired\n      mfaChallenge\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation VerifyMfa($challenge: String!, $code: String!) {\n    verifyMfa(challenge: $challenge, code: $code) {\n      person {\n        ...ViewerPerson\n      }\n      operator {\n        ...ViewerOperator\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation VerifyMfa($challenge: String!, $code: String!) {\n    verifyMfa(challenge: $challenge, code: $code) {\n      person {\n        ...ViewerPerson\n      }\n      operator {\n        ...ViewerOperator\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      person {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {\n      person {\n        id\n        mustChangePassword\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n',
): (typeof documents)['\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateMyProfile($input: ProfileInput!) {\n    updateMyProfile(input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        locale\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateMyProfile($input: ProfileInput!) {\n    updateMyProfile(input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        locale\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CompanyMfaRequirement {\n    company {\n      id\n      requireMfa\n    }\n    me {\n      id\n      mfaEnabled\n    }\n  }\n',
): (typeof documents)['\n  query CompanyMfaRequirement {\n    company {\n      id\n      requireMfa\n    }\n    me {\n      id\n      mfaEnabled\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetCompanyMfaRequirement($required: Boolean!) {\n    setCompanyMfaRequirement(required: $required) {\n      company {\n        id\n        requireMfa\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SetCompanyMfaRequirement($required: Boolean!) {\n    setCompanyMfaRequirement(required: $required) {\n      company {\n        id\n        requireMfa\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccessLevels($locale: String) {\n    accessLevels {\n      code\n      label(locale: $locale)\n      description(locale: $locale)\n      allSites\n      payments\n    }\n  }\n',
): (typeof documents)['\n  query AccessLevels($locale: String) {\n    accessLevels {\n      code\n      label(locale: $locale)\n      description(locale: $locale)\n      allSites\n      payments\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $personId: ID\n    $siteId: ID\n    $kind: String\n    $from: DateTime\n    $to: DateTime\n  ) {\n    auditEvents(\n      first: $first\n      after: $after\n      personId: $personId\n      siteId: $siteId\n      kind: $kind\n      from: $from\n      to: $to\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          subjectType\n          subjectId\n          siteId\n          ip\n          changes {\n            field\n            before\n            after\n          }\n          actor {\n            kind\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AuditEvents(\n    $first: Int\n    $after: String\n    $personId: ID\n    $siteId: ID\n    $kind: String\n    $from: DateTime\n    $to: DateTime\n  ) {\n    auditEvents(\n      first: $first\n      after: $after\n      personId: $personId\n      siteId: $siteId\n      kind: $kind\n      from: $from\n      to: $to\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          kind\n          createdAt\n          subjectType\n          subjectId\n          siteId\n          ip\n          changes {\n            field\n            before\n            after\n          }\n          actor {\n            kind\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditPersonLabel($id: ID!) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      email\n    }\n  }\n',
): (typeof documents)['\n  query AuditPersonLabel($id: ID!) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      email\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditSiteLabel($id: ID!) {\n    site(id: $id) {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  query AuditSiteLabel($id: ID!) {\n    site(id: $id) {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PersonOptions($search: String, $first: Int) {\n    people(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PersonOptions($search: String, $first: Int) {\n    people(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BillingSetup {\n    company {\n      id\n      name\n      type\n      country\n      currency\n      billingSetupComplete\n      vatNumber\n      paymentMethod\n      acceptedTermsVersion\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n    }\n  }\n',
): (typeof documents)['\n  query BillingSetup {\n    company {\n      id\n      name\n      type\n      country\n      currency\n      billingSetupComplete\n      vatNumber\n      paymentMethod\n      acceptedTermsVersion\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TermsOfService($locale: String) {\n    termsOfService(locale: $locale) {\n      version\n      locale\n      text\n    }\n  }\n',
): (typeof documents)['\n  query TermsOfService($locale: String) {\n    termsOfService(locale: $locale) {\n      version\n      locale\n      text\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query UserPrice {\n    dashboard {\n      nextInvoiceEstimate {\n        currency\n        unitAmount\n      }\n    }\n  }\n',
): (typeof documents)['\n  query UserPrice {\n    dashboard {\n      nextInvoiceEstimate {\n        currency\n        unitAmount\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CompleteBillingSetup($input: BillingSetupInput!) {\n    completeBillingSetup(input: $input) {\n      company {\n        id\n        billingSetupComplete\n        vatNumber\n        paymentMethod\n        acceptedTermsVersion\n        card {\n          brand\n          last4\n          expMonth\n          expYear\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CompleteBillingSetup($input: BillingSetupInput!) {\n    completeBillingSetup(input: $input) {\n      company {\n        id\n        billingSetupComplete\n        vatNumber\n        paymentMethod\n        acceptedTermsVersion\n        card {\n          brand\n          last4\n          expMonth\n          expYear\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateCardSetup {\n    createCardSetup {\n      clientSecret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateCardSetup {\n    createCardSetup {\n      clientSecret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BillingStanding {\n    company {\n      id\n      status\n      overdue {\n        invoiceCount\n        total\n        currency\n        oldestDueAt\n        suspendsAt\n        oldestInvoiceId\n      }\n    }\n  }\n',
): (typeof documents)['\n  query BillingStanding {\n    company {\n      id\n      status\n      overdue {\n        invoiceCount\n        total\n        currency\n        oldestDueAt\n        suspendsAt\n        oldestInvoiceId\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Dashboard($withEstimate: Boolean!) {\n    dashboard {\n      siteCount\n      activeSiteCount\n      inactiveSiteCount\n      entryUserCount\n      invitedPeopleCount\n      nextInvoiceEstimate @include(if: $withEstimate) {\n        currency\n        periodStart\n        periodEnd\n        activeEntryUsers\n        billedEntryUsers\n        unitAmount\n        subtotal\n        note\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Dashboard($withEstimate: Boolean!) {\n    dashboard {\n      siteCount\n      activeSiteCount\n      inactiveSiteCount\n      entryUserCount\n      invitedPeopleCount\n      nextInvoiceEstimate @include(if: $withEstimate) {\n        currency\n        periodStart\n        periodEnd\n        activeEntryUsers\n        billedEntryUsers\n        unitAmount\n        subtotal\n        note\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RotateApiKey($id: ID!, $overlapHours: Int) {\n    rotateApiKey(id: $id, overlapHours: $overlapHours) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RotateApiKey($id: ID!, $overlapHours: Int) {\n    rotateApiKey(id: $id, overlapHours: $overlapHours) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebhookDeliveries($first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookEndpoints {\n      id\n      deliveries(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...WebhookDeliveryRow\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query WebhookDeliveries($first: Int, $after: String, $status: WebhookDeliveryStatus) {\n    webhookEndpoints {\n      id\n      deliveries(first: $first, after: $after, status: $status) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...WebhookDeliveryRow\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      delivery {\n        ...WebhookDeliveryRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      delivery {\n        ...WebhookDeliveryRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    sites {\n      id\n      name\n    }\n    createdAt\n    createdBy {\n      id\n      firstName\n      lastName\n    }\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n',
): (typeof documents)['\n  fragment ApiKeyRow on ApiKey {\n    id\n    name\n    prefix\n    scopes\n    sites {\n      id\n      name\n    }\n    createdAt\n    createdBy {\n      id\n      firstName\n      lastName\n    }\n    expiresAt\n    lastUsedAt\n    revokedAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ApiKeys($first: Int, $after: String, $includeRevoked: Boolean) {\n    apiKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ApiKeyRow\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ApiKeys($first: Int, $after: String, $includeRevoked: Boolean) {\n    apiKeys(first: $first, after: $after, includeRevoked: $includeRevoked) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ApiKeyRow\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      apiKey {\n        ...ApiKeyRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment WebhookEndpointCard on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledForFailingAt\n    createdAt\n  }\n',
): (typeof documents)['\n  fragment WebhookEndpointCard on WebhookEndpoint {\n    id\n    url\n    description\n    events\n    enabled\n    disabledForFailingAt\n    createdAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointCard\n    }\n  }\n',
): (typeof documents)['\n  query WebhookEndpoints {\n    webhookEndpoints {\n      ...WebhookEndpointCard\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    attempts\n    lastResponseStatus\n    lastAttemptAt\n    nextAttemptAt\n    createdAt\n  }\n',
): (typeof documents)['\n  fragment WebhookDeliveryRow on WebhookDelivery {\n    id\n    eventId\n    eventType\n    status\n    attempts\n    lastResponseStatus\n    lastAttemptAt\n    nextAttemptAt\n    createdAt\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointInput!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      webhookEndpoint {\n        ...WebhookEndpointCard\n      }\n      secret\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      delivery {\n        ...WebhookDeliveryRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      delivery {\n        ...WebhookDeliveryRow\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PendingRegistrations($first: Int) {\n    pendingRegistrations(first: $first) {\n      id\n      name\n      type\n      country\n      status\n      createdAt\n      registration {\n        companyAddress\n        companyPhone\n        vatNumber\n        firstName\n        lastName\n        email\n        phone\n        locale\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PendingRegistrations($first: Int) {\n    pendingRegistrations(first: $first) {\n      id\n      name\n      type\n      country\n      status\n      createdAt\n      registration {\n        companyAddress\n        companyPhone\n        vatNumber\n        firstName\n        lastName\n        email\n        phone\n        locale\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ApproveRegistration($companyId: ID!) {\n    approveRegistration(companyId: $companyId) {\n      company {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ApproveRegistration($companyId: ID!) {\n    approveRegistration(companyId: $companyId) {\n      company {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RejectRegistration($companyId: ID!, $reason: String!) {\n    rejectRegistration(companyId: $companyId, reason: $reason) {\n      company {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RejectRegistration($companyId: ID!, $reason: String!) {\n    rejectRegistration(companyId: $companyId, reason: $reason) {\n      company {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PaymentDiscrepancies($first: Int) {\n    paymentDiscrepancies(first: $first) {\n      id\n      kinds\n      company {\n        id\n        name\n      }\n      invoiceNumber\n      expectedAmount\n      expectedCurrency\n      expectedPaymentIntentId\n      receivedAmount\n      receivedCurrency\n      receivedPaymentIntentId\n      eventId\n      eventType\n      receivedAt\n    }\n  }\n',
): (typeof documents)['\n  query PaymentDiscrepancies($first: Int) {\n    paymentDiscrepancies(first: $first) {\n      id\n      kinds\n      company {\n        id\n        name\n      }\n      invoiceNumber\n      expectedAmount\n      expectedCurrency\n      expectedPaymentIntentId\n      receivedAmount\n      receivedCurrency\n      receivedPaymentIntentId\n      eventId\n      eventType\n      receivedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation MarkPaymentDiscrepancyReviewed($id: ID!) {\n    markPaymentDiscrepancyReviewed(id: $id) {\n      paymentDiscrepancy {\n        id\n        reviewedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation MarkPaymentDiscrepancyReviewed($id: ID!) {\n    markPaymentDiscrepancyReviewed(id: $id) {\n      paymentDiscrepancy {\n        id\n        reviewedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query BillingDetails {\n    company {\n      id\n      billingEmails\n      billingEmailsLocale\n      purchaseOrderNumber\n    }\n  }\n',
): (typeof documents)['\n  query BillingDetails {\n    company {\n      id\n      billingEmails\n      billingEmailsLocale\n      purchaseOrderNumber\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateBillingDetails($input: BillingDetailsInput!) {\n    updateBillingDetails(input: $input) {\n      company {\n        id\n        billingEmails\n        billingEmailsLocale\n        purchaseOrderNumber\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateBillingDetails($input: BillingDetailsInput!) {\n    updateBillingDetails(input: $input) {\n      company {\n        id\n        billingEmails\n        billingEmailsLocale\n        purchaseOrderNumber\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PaymentOverview($first: Int!, $after: String) {\n    company {\n      id\n      type\n      country\n      currency\n      billingSetupComplete\n      vatNumber\n      paymentMethod\n      acceptedTermsVersion\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n      invoices(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            periodStart\n            periodEnd\n            issuedAt\n            dueAt\n            currency\n            total\n            status\n            overdue\n            paidAt\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PaymentOverview($first: Int!, $after: String) {\n    company {\n      id\n      type\n      country\n      currency\n      billingSetupComplete\n      vatNumber\n      paymentMethod\n      acceptedTermsVersion\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n      invoices(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            number\n            periodStart\n            periodEnd\n            issuedAt\n            dueAt\n            currency\n            total\n            status\n            overdue\n            paidAt\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdatePaymentMethod($paymentMethod: PaymentMethodType!, $paymentMethodToken: String) {\n    updatePaymentMethod(paymentMethod: $paymentMethod, paymentMethodToken: $paymentMethodToken) {\n      company {\n        id\n        paymentMethod\n        card {\n          brand\n          last4\n          expMonth\n          expYear\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdatePaymentMethod($paymentMethod: PaymentMethodType!, $paymentMethodToken: String) {\n    updatePaymentMethod(paymentMethod: $paymentMethod, paymentMethodToken: $paymentMethodToken) {\n      company {\n        id\n        paymentMethod\n        card {\n          brand\n          last4\n          expMonth\n          expYear\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      periodStart\n      periodEnd\n      issuedAt\n      dueAt\n      currency\n      subtotal\n      tax\n      total\n      taxRateBasisPoints\n      reverseCharge\n      status\n      paidAt\n      paymentMethod\n      overdue\n      purchaseOrderNumber\n      billingEmails\n      lines {\n        description\n        costCenter\n        quantity\n        unitAmount\n        amount\n        site {\n          id\n          name\n        }\n      }\n      pdfUrl\n      csvUrl\n    }\n    company {\n      id\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Invoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      periodStart\n      periodEnd\n      issuedAt\n      dueAt\n      currency\n      subtotal\n      tax\n      total\n      taxRateBasisPoints\n      reverseCharge\n      status\n      paidAt\n      paymentMethod\n      overdue\n      purchaseOrderNumber\n      billingEmails\n      lines {\n        description\n        costCenter\n        quantity\n        unitAmount\n        amount\n        site {\n          id\n          name\n        }\n      }\n      pdfUrl\n      csvUrl\n    }\n    company {\n      id\n      card {\n        brand\n        last4\n        expMonth\n        expYear\n      }\n      paymentProvider {\n        kind\n        publishableKey\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PayInvoice($id: ID!, $paymentMethodToken: String) {\n    payInvoice(id: $id, paymentMethodToken: $paymentMethodToken) {\n      invoice {\n        id\n        status\n        paidAt\n        overdue\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation PayInvoice($id: ID!, $paymentMethodToken: String) {\n    payInvoice(id: $id, paymentMethodToken: $paymentMethodToken) {\n      invoice {\n        id\n        status\n        paidAt\n        overdue\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query People(\n    $first: Int\n    $after: String\n    $search: String\n    $accessLevel: AccessLevelCode\n    $status: PersonStatus\n    $sitesInRow: Int\n    $locale: String\n  ) {\n    people(\n      first: $first\n      after: $after\n      search: $search\n      accessLevel: $accessLevel\n      status: $status\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          status\n          accessLevel {\n            code\n            label(locale: $locale)\n          }\n          sites(first: $sitesInRow) {\n            totalCount\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query People(\n    $first: Int\n    $after: String\n    $search: String\n    $accessLevel: AccessLevelCode\n    $status: PersonStatus\n    $sitesInRow: Int\n    $locale: String\n  ) {\n    people(\n      first: $first\n      after: $after\n      search: $search\n      accessLevel: $accessLevel\n      status: $status\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          firstName\n          lastName\n          email\n          status\n          accessLevel {\n            code\n            label(locale: $locale)\n          }\n          sites(first: $sitesInRow) {\n            totalCount\n            edges {\n              node {\n                id\n                name\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query EditPerson($id: ID!, $sitesFirst: Int, $locale: String) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      status\n      locale\n      accessLevel {\n        code\n        label(locale: $locale)\n      }\n      sites(first: $sitesFirst) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            address\n            active\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query EditPerson($id: ID!, $sitesFirst: Int, $locale: String) {\n    person(id: $id) {\n      id\n      firstName\n      lastName\n      email\n      status\n      locale\n      accessLevel {\n        code\n        label(locale: $locale)\n      }\n      sites(first: $sitesFirst) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            address\n            active\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query PersonSitesPage($id: ID!, $after: String, $first: Int) {\n    person(id: $id) {\n      id\n      sites(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            address\n            active\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query PersonSitesPage($id: ID!, $after: String, $first: Int) {\n    person(id: $id) {\n      id\n      sites(first: $first, after: $after) {\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            id\n            name\n            address\n            active\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        email\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation InvitePerson($input: InvitePersonInput!) {\n    invitePerson(input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        email\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {\n    updatePerson(id: $id, input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        status\n        accessLevel {\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdatePerson($id: ID!, $input: UpdatePersonInput!) {\n    updatePerson(id: $id, input: $input) {\n      person {\n        id\n        firstName\n        lastName\n        status\n        accessLevel {\n          code\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemovePerson($id: ID!) {\n    removePerson(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RemovePerson($id: ID!) {\n    removePerson(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ResendInvitation($id: ID!) {\n    resendInvitation(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DisablePerson($id: ID!) {\n    disablePerson(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation DisablePerson($id: ID!) {\n    disablePerson(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation EnablePerson($id: ID!) {\n    enablePerson(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation EnablePerson($id: ID!) {\n    enablePerson(id: $id) {\n      person {\n        id\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ProfileSecurity {\n    me {\n      id\n      mfaEnabled\n      company {\n        id\n        requireMfa\n      }\n    }\n    currentOperator {\n      id\n      mfaEnabled\n    }\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      userAgent\n      ip\n      current\n    }\n  }\n',
): (typeof documents)['\n  query ProfileSecurity {\n    me {\n      id\n      mfaEnabled\n      company {\n        id\n        requireMfa\n      }\n    }\n    currentOperator {\n      id\n      mfaEnabled\n    }\n    mySessions {\n      id\n      createdAt\n      lastSeenAt\n      userAgent\n      ip\n      current\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n',
): (typeof documents)['\n  mutation RevokeSession($id: ID!) {\n    revokeSession(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n',
): (typeof documents)['\n  mutation SignOutOtherSessions {\n    signOutOtherSessions\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      enrollment {\n        secret\n        uri\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation StartTotpEnrollment {\n    startTotpEnrollment {\n      enrollment {\n        secret\n        uri\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ConfirmTotpEnrollment($code: String!) {\n    confirmTotpEnrollment(code: $code) {\n      recoveryCodes\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code) {\n      recoveryCodes\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RegenerateRecoveryCodes($code: String!) {\n    regenerateRecoveryCodes(code: $code) {\n      recoveryCodes\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation DisableTotp($password: String!, $code: String!) {\n    disableTotp(password: $password, code: $code) {\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateSite($input: SiteInput!) {\n    createSite(input: $input) {\n      site {\n        id\n        name\n        address\n        costCenter\n        active\n        createdAt\n        deactivatedAt\n        entryUserCount\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateSite($input: SiteInput!) {\n    createSite(input: $input) {\n      site {\n        id\n        name\n        address\n        costCenter\n        active\n        createdAt\n        deactivatedAt\n        entryUserCount\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateSite($id: ID!, $input: SiteInput!) {\n    updateSite(id: $id, input: $input) {\n      site {\n        id\n        name\n        address\n        costCenter\n        updatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateSite($id: ID!, $input: SiteInput!) {\n    updateSite(id: $id, input: $input) {\n      site {\n        id\n        name\n        address\n        costCenter\n        updatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeactivateSite($id: ID!) {\n    deactivateSite(id: $id) {\n      site {\n        id\n        active\n        deactivatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation DeactivateSite($id: ID!) {\n    deactivateSite(id: $id) {\n      site {\n        id\n        active\n        deactivatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReactivateSite($id: ID!) {\n    reactivateSite(id: $id) {\n      site {\n        id\n        active\n        deactivatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ReactivateSite($id: ID!) {\n    reactivateSite(id: $id) {\n      site {\n        id\n        active\n        deactivatedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RemoveEntryUser($id: ID!) {\n    removeEntryUser(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RemoveEntryUser($id: ID!) {\n    removeEntryUser(id: $id) {\n      deletedId\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Sites(\n    $search: String\n    $active: Boolean\n    $first: Int\n    $after: String\n    $withAdmins: Boolean!\n  ) {\n    sites(search: $search, active: $active, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          address\n          costCenter\n          active\n          deactivatedAt\n          entryUserCount\n          siteAdmins @include(if: $withAdmins) {\n            id\n            firstName\n            lastName\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Sites(\n    $search: String\n    $active: Boolean\n    $first: Int\n    $after: String\n    $withAdmins: Boolean!\n  ) {\n    sites(search: $search, active: $active, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          name\n          address\n          costCenter\n          active\n          deactivatedAt\n          entryUserCount\n          siteAdmins @include(if: $withAdmins) {\n            id\n            firstName\n            lastName\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SiteDetail($id: ID!, $search: String, $first: Int, $after: String) {\n    site(id: $id) {\n      id\n      name\n      address\n      costCenter\n      active\n      createdAt\n      deactivatedAt\n      entryUserCount\n      entryUsers(search: $search, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            firstName\n            lastName\n            email\n            apartment\n            activeFrom\n            moveInDate\n            moveOutDate\n            status\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SiteDetail($id: ID!, $search: String, $first: Int, $after: String) {\n    site(id: $id) {\n      id\n      name\n      address\n      costCenter\n      active\n      createdAt\n      deactivatedAt\n      entryUserCount\n      entryUsers(search: $search, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          cursor\n          node {\n            id\n            firstName\n            lastName\n            email\n            apartment\n            activeFrom\n            moveInDate\n            moveOutDate\n            status\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SiteAdmins($id: ID!) {\n    site(id: $id) {\n      id\n      siteAdmins {\n        id\n        firstName\n        lastName\n        email\n        status\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SiteAdmins($id: ID!) {\n    site(id: $id) {\n      id\n      siteAdmins {\n        id\n        firstName\n        lastName\n        email\n        status\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AddEntryUser($siteId: ID!, $input: EntryUserInput!) {\n    addEntryUser(siteId: $siteId, input: $input) {\n      entryUser {\n        id\n        firstName\n        lastName\n        email\n        apartment\n        activeFrom\n        moveInDate\n        moveOutDate\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AddEntryUser($siteId: ID!, $input: EntryUserInput!) {\n    addEntryUser(siteId: $siteId, input: $input) {\n      entryUser {\n        id\n        firstName\n        lastName\n        email\n        apartment\n        activeFrom\n        moveInDate\n        moveOutDate\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateEntryUser($id: ID!, $input: EntryUserInput!) {\n    updateEntryUser(id: $id, input: $input) {\n      entryUser {\n        id\n        firstName\n        lastName\n        email\n        apartment\n        activeFrom\n        moveInDate\n        moveOutDate\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateEntryUser($id: ID!, $input: EntryUserInput!) {\n    updateEntryUser(id: $id, input: $input) {\n      entryUser {\n        id\n        firstName\n        lastName\n        email\n        apartment\n        activeFrom\n        moveInDate\n        moveOutDate\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SiteOptions($search: String, $first: Int) {\n    sites(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          address\n          active\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query SiteOptions($search: String, $first: Int) {\n    sites(search: $search, first: $first) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          address\n          active\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SiteTransfers {\n    incoming: siteTransfers(direction: INCOMING) {\n      id\n      site {\n        id\n        name\n      }\n      siteName\n      fromCompanyName\n      toCompanyName\n      recipientEmail\n      message\n      status\n      createdAt\n      expiresAt\n      decidedAt\n      declineReason\n      effectiveDate\n      entryUserCount\n      nameAlreadyUsed\n      undoneAt\n    }\n    outgoing: siteTransfers(direction: OUTGOING) {\n      id\n      site {\n        id\n        name\n      }\n      siteName\n      fromCompanyName\n      toCompanyName\n      recipientEmail\n      message\n      status\n      createdAt\n      expiresAt\n      decidedAt\n      declineReason\n      effectiveDate\n      entryUserCount\n      nameAlreadyUsed\n      undoneAt\n    }\n  }\n',
): (typeof documents)['\n  query SiteTransfers {\n    incoming: siteTransfers(direction: INCOMING) {\n      id\n      site {\n        id\n        name\n      }\n      siteName\n      fromCompanyName\n      toCompanyName\n      recipientEmail\n      message\n      status\n      createdAt\n      expiresAt\n      decidedAt\n      declineReason\n      effectiveDate\n      entryUserCount\n      nameAlreadyUsed\n      undoneAt\n    }\n    outgoing: siteTransfers(direction: OUTGOING) {\n      id\n      site {\n        id\n        name\n      }\n      siteName\n      fromCompanyName\n      toCompanyName\n      recipientEmail\n      message\n      status\n      createdAt\n      expiresAt\n      decidedAt\n      declineReason\n      effectiveDate\n      entryUserCount\n      nameAlreadyUsed\n      undoneAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RequestSiteTransfer($input: RequestSiteTransferInput!) {\n    requestSiteTransfer(input: $input) {\n      siteTransfer {\n        id\n        recipientEmail\n        expiresAt\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RequestSiteTransfer($input: RequestSiteTransferInput!) {\n    requestSiteTransfer(input: $input) {\n      siteTransfer {\n        id\n        recipientEmail\n        expiresAt\n        status\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation AcceptSiteTransfer($id: ID!) {\n    acceptSiteTransfer(id: $id) {\n      siteTransfer {\n        id\n        site {\n          id\n          name\n        }\n        toCompanyName\n        status\n        decidedAt\n        effectiveDate\n        entryUserCount\n        nameAlreadyUsed\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation AcceptSiteTransfer($id: ID!) {\n    acceptSiteTransfer(id: $id) {\n      siteTransfer {\n        id\n        site {\n          id\n          name\n        }\n        toCompanyName\n        status\n        decidedAt\n        effectiveDate\n        entryUserCount\n        nameAlreadyUsed\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeclineSiteTransfer($id: ID!, $reason: String) {\n    declineSiteTransfer(id: $id, reason: $reason) {\n      siteTransfer {\n        id\n        status\n        decidedAt\n        declineReason\n        effectiveDate\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation DeclineSiteTransfer($id: ID!, $reason: String) {\n    declineSiteTransfer(id: $id, reason: $reason) {\n      siteTransfer {\n        id\n        status\n        decidedAt\n        declineReason\n        effectiveDate\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CancelSiteTransfer($id: ID!) {\n    cancelSiteTransfer(id: $id) {\n      siteTransfer {\n        id\n        status\n        decidedAt\n        effectiveDate\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CancelSiteTransfer($id: ID!) {\n    cancelSiteTransfer(id: $id) {\n      siteTransfer {\n        id\n        status\n        decidedAt\n        effectiveDate\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WaitingTransfer {\n    siteTransfers(direction: INCOMING, status: PENDING, first: 1) {\n      id\n    }\n  }\n',
): (typeof documents)['\n  query WaitingTransfer {\n    siteTransfers(direction: INCOMING, status: PENDING, first: 1) {\n      id\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
