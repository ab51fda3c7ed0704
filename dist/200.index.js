export const id = 200;
export const ids = [200];
export const modules = {

/***/ 3819:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(5152);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin, createPaginator } = __webpack_require__(402);
const { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(2658);
const { Command: $Command } = __webpack_require__(2658);
exports.$Command = $Command;
exports.__Client = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(7291);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(2085);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(3422);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3609);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(6890);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(7523);
const { defaultProvider } = __webpack_require__(5861);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(2430);
const { streamCollector, NodeHttpHandler } = __webpack_require__(1279);
const { AwsRestJsonProtocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultSecurityHubHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "securityhub",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultSecurityHubHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "securityhub",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1107.0";
var packageInfo = {
	version: version};

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://securityhub-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://securityhub-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://securityhub.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://securityhub.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class SecurityHubServiceException extends ServiceException {
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, SecurityHubServiceException.prototype);
    }
}

class InternalException extends SecurityHubServiceException {
    name = "InternalException";
    $fault = "server";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "InternalException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class InvalidAccessException extends SecurityHubServiceException {
    name = "InvalidAccessException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "InvalidAccessException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidAccessException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class InvalidInputException extends SecurityHubServiceException {
    name = "InvalidInputException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "InvalidInputException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidInputException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class LimitExceededException extends SecurityHubServiceException {
    name = "LimitExceededException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "LimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, LimitExceededException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class ResourceNotFoundException extends SecurityHubServiceException {
    name = "ResourceNotFoundException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "ResourceNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceNotFoundException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class AccessDeniedException extends SecurityHubServiceException {
    name = "AccessDeniedException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "AccessDeniedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, AccessDeniedException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class ConflictException extends SecurityHubServiceException {
    name = "ConflictException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "ConflictException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConflictException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class InternalServerException extends SecurityHubServiceException {
    name = "InternalServerException";
    $fault = "server";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "InternalServerException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalServerException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class ThrottlingException extends SecurityHubServiceException {
    name = "ThrottlingException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "ThrottlingException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ThrottlingException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class ValidationException extends SecurityHubServiceException {
    name = "ValidationException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "ValidationException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ValidationException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class ResourceConflictException extends SecurityHubServiceException {
    name = "ResourceConflictException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "ResourceConflictException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceConflictException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class ServiceQuotaExceededException extends SecurityHubServiceException {
    name = "ServiceQuotaExceededException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "ServiceQuotaExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceQuotaExceededException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class OrganizationalUnitNotFoundException extends SecurityHubServiceException {
    name = "OrganizationalUnitNotFoundException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "OrganizationalUnitNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, OrganizationalUnitNotFoundException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class OrganizationNotFoundException extends SecurityHubServiceException {
    name = "OrganizationNotFoundException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "OrganizationNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, OrganizationNotFoundException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}
class ResourceInUseException extends SecurityHubServiceException {
    name = "ResourceInUseException";
    $fault = "client";
    Message;
    Code;
    constructor(opts) {
        super({
            name: "ResourceInUseException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceInUseException.prototype);
        this.Message = opts.Message;
        this.Code = opts.Code;
    }
}

const _A = "Action";
const _AA = "AdminAccount";
const _AACA = "AwsApiCallAction";
const _AACADD = "AwsApiCallActionDomainDetails";
const _AAD = "AutomaticallyAfterDays";
const _AAGALS = "AwsApiGatewayAccessLogSettings";
const _AAGCS = "AwsApiGatewayCanarySettings";
const _AAGEC = "AwsApiGatewayEndpointConfiguration";
const _AAGMS = "AwsApiGatewayMethodSettings";
const _AAGMSL = "AwsApiGatewayMethodSettingsList";
const _AAGRA = "AwsApiGatewayRestApi";
const _AAGRAD = "AwsApiGatewayRestApiDetails";
const _AAGS = "AwsApiGatewayStage";
const _AAGSD = "AwsApiGatewayStageDetails";
const _AAGVA = "AwsApiGatewayV2Api";
const _AAGVAD = "AwsApiGatewayV2ApiDetails";
const _AAGVRS = "AwsApiGatewayV2RouteSettings";
const _AAGVS = "AwsApiGatewayV2Stage";
const _AAGVSD = "AwsApiGatewayV2StageDetails";
const _AAI = "AwsAccountId";
const _AAIR = "AcceptAdministratorInvitationRequest";
const _AAIRc = "AcceptAdministratorInvitationResponse";
const _AAIc = "AcceptAdministratorInvitation";
const _AAId = "AdminAccountId";
const _AAMB = "AwsAmazonMqBroker";
const _AAMBD = "AwsAmazonMqBrokerDetails";
const _AAMBEOD = "AwsAmazonMqBrokerEncryptionOptionsDetails";
const _AAMBLD = "AwsAmazonMqBrokerLogsDetails";
const _AAMBLPD = "AwsAmazonMqBrokerLogsPendingDetails";
const _AAMBLSMD = "AwsAmazonMqBrokerLdapServerMetadataDetails";
const _AAMBMWSTD = "AwsAmazonMqBrokerMaintenanceWindowStartTimeDetails";
const _AAMBUD = "AwsAmazonMqBrokerUsersDetails";
const _AAMBUL = "AwsAmazonMqBrokerUsersList";
const _AAN = "AwsAccountName";
const _AAP = "AdditionalAuthenticationProviders";
const _AASA = "AutoAcceptSharedAttachments";
const _AASASG = "AwsAutoScalingAutoScalingGroup";
const _AASASGAZL = "AwsAutoScalingAutoScalingGroupAvailabilityZonesList";
const _AASASGAZLD = "AwsAutoScalingAutoScalingGroupAvailabilityZonesListDetails";
const _AASASGD = "AwsAutoScalingAutoScalingGroupDetails";
const _AASASGLTLTS = "AwsAutoScalingAutoScalingGroupLaunchTemplateLaunchTemplateSpecification";
const _AASASGMIPD = "AwsAutoScalingAutoScalingGroupMixedInstancesPolicyDetails";
const _AASASGMIPIDD = "AwsAutoScalingAutoScalingGroupMixedInstancesPolicyInstancesDistributionDetails";
const _AASASGMIPLTD = "AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateDetails";
const _AASASGMIPLTLTS = "AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecification";
const _AASASGMIPLTOL = "AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateOverridesList";
const _AASASGMIPLTOLD = "AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateOverridesListDetails";
const _AASGQA = "AwsAppSyncGraphQlApi";
const _AASGQAAAPD = "AwsAppSyncGraphQlApiAdditionalAuthenticationProvidersDetails";
const _AASGQAAAPL = "AwsAppSyncGraphQlApiAdditionalAuthenticationProvidersList";
const _AASGQAD = "AwsAppSyncGraphQlApiDetails";
const _AASGQALACD = "AwsAppSyncGraphQlApiLambdaAuthorizerConfigDetails";
const _AASGQALCD = "AwsAppSyncGraphQlApiLogConfigDetails";
const _AASGQAOICCD = "AwsAppSyncGraphQlApiOpenIdConnectConfigDetails";
const _AASGQAUPCD = "AwsAppSyncGraphQlApiUserPoolConfigDetails";
const _AASLC = "AwsAutoScalingLaunchConfiguration";
const _AASLCBDMD = "AwsAutoScalingLaunchConfigurationBlockDeviceMappingsDetails";
const _AASLCBDMED = "AwsAutoScalingLaunchConfigurationBlockDeviceMappingsEbsDetails";
const _AASLCBDML = "AwsAutoScalingLaunchConfigurationBlockDeviceMappingsList";
const _AASLCD = "AwsAutoScalingLaunchConfigurationDetails";
const _AASLCIMD = "AwsAutoScalingLaunchConfigurationInstanceMonitoringDetails";
const _AASLCMO = "AwsAutoScalingLaunchConfigurationMetadataOptions";
const _AAWG = "AwsAthenaWorkGroup";
const _AAWGCD = "AwsAthenaWorkGroupConfigurationDetails";
const _AAWGCRCD = "AwsAthenaWorkGroupConfigurationResultConfigurationDetails";
const _AAWGCRCECD = "AwsAthenaWorkGroupConfigurationResultConfigurationEncryptionConfigurationDetails";
const _AAWGD = "AwsAthenaWorkGroupDetails";
const _AAd = "AdditionalAttributes";
const _AAdm = "AdminAccounts";
const _AAl = "AlarmActions";
const _AAla = "AlarmArn";
const _AAp = "ApplicationArn";
const _ABBP = "AwsBackupBackupPlan";
const _ABBPABSD = "AwsBackupBackupPlanAdvancedBackupSettingsDetails";
const _ABBPABSL = "AwsBackupBackupPlanAdvancedBackupSettingsList";
const _ABBPBPD = "AwsBackupBackupPlanBackupPlanDetails";
const _ABBPD = "AwsBackupBackupPlanDetails";
const _ABBPLD = "AwsBackupBackupPlanLifecycleDetails";
const _ABBPRCAD = "AwsBackupBackupPlanRuleCopyActionsDetails";
const _ABBPRCAL = "AwsBackupBackupPlanRuleCopyActionsList";
const _ABBPRD = "AwsBackupBackupPlanRuleDetails";
const _ABBPRL = "AwsBackupBackupPlanRuleList";
const _ABBV = "AwsBackupBackupVault";
const _ABBVD = "AwsBackupBackupVaultDetails";
const _ABBVND = "AwsBackupBackupVaultNotificationsDetails";
const _ABRP = "AwsBackupRecoveryPoint";
const _ABRPCBD = "AwsBackupRecoveryPointCreatedByDetails";
const _ABRPCLD = "AwsBackupRecoveryPointCalculatedLifecycleDetails";
const _ABRPD = "AwsBackupRecoveryPointDetails";
const _ABRPLD = "AwsBackupRecoveryPointLifecycleDetails";
const _ABS = "AdvancedBackupSettings";
const _AC = "AllowCredentials";
const _ACA = "AcmCertificateArn";
const _ACBP = "AwsCodeBuildProject";
const _ACBPAD = "AwsCodeBuildProjectArtifactsDetails";
const _ACBPAL = "AwsCodeBuildProjectArtifactsList";
const _ACBPD = "AwsCodeBuildProjectDetails";
const _ACBPE = "AwsCodeBuildProjectEnvironment";
const _ACBPEEVD = "AwsCodeBuildProjectEnvironmentEnvironmentVariablesDetails";
const _ACBPEEVL = "AwsCodeBuildProjectEnvironmentEnvironmentVariablesList";
const _ACBPERC = "AwsCodeBuildProjectEnvironmentRegistryCredential";
const _ACBPLCCWLD = "AwsCodeBuildProjectLogsConfigCloudWatchLogsDetails";
const _ACBPLCD = "AwsCodeBuildProjectLogsConfigDetails";
const _ACBPLCSLD = "AwsCodeBuildProjectLogsConfigS3LogsDetails";
const _ACBPS = "AwsCodeBuildProjectSource";
const _ACBPVC = "AwsCodeBuildProjectVpcConfig";
const _ACC = "AwsCorsConfiguration";
const _ACFD = "AwsCloudFrontDistribution";
const _ACFDCB = "AwsCloudFrontDistributionCacheBehavior";
const _ACFDCBIL = "AwsCloudFrontDistributionCacheBehaviorsItemList";
const _ACFDCBw = "AwsCloudFrontDistributionCacheBehaviors";
const _ACFDD = "AwsCloudFrontDistributionDetails";
const _ACFDDCB = "AwsCloudFrontDistributionDefaultCacheBehavior";
const _ACFDL = "AwsCloudFrontDistributionLogging";
const _ACFDO = "AwsCloudFrontDistributionOrigins";
const _ACFDOCOC = "AwsCloudFrontDistributionOriginCustomOriginConfig";
const _ACFDOG = "AwsCloudFrontDistributionOriginGroup";
const _ACFDOGF = "AwsCloudFrontDistributionOriginGroupFailover";
const _ACFDOGFSC = "AwsCloudFrontDistributionOriginGroupFailoverStatusCodes";
const _ACFDOGIL = "AwsCloudFrontDistributionOriginGroupsItemList";
const _ACFDOGw = "AwsCloudFrontDistributionOriginGroups";
const _ACFDOI = "AwsCloudFrontDistributionOriginItem";
const _ACFDOIL = "AwsCloudFrontDistributionOriginItemList";
const _ACFDOSOC = "AwsCloudFrontDistributionOriginS3OriginConfig";
const _ACFDOSP = "AwsCloudFrontDistributionOriginSslProtocols";
const _ACFDVC = "AwsCloudFrontDistributionViewerCertificate";
const _ACFS = "AwsCloudFormationStack";
const _ACFSD = "AwsCloudFormationStackDetails";
const _ACFSDID = "AwsCloudFormationStackDriftInformationDetails";
const _ACFSOD = "AwsCloudFormationStackOutputsDetails";
const _ACFSOL = "AwsCloudFormationStackOutputsList";
const _ACIA = "AssociateCarrierIpAddress";
const _ACL = "AccessControlList";
const _ACMC = "AwsCertificateManagerCertificate";
const _ACMCD = "AwsCertificateManagerCertificateDetails";
const _ACMCDVO = "AwsCertificateManagerCertificateDomainValidationOption";
const _ACMCDVOw = "AwsCertificateManagerCertificateDomainValidationOptions";
const _ACMCEKU = "AwsCertificateManagerCertificateExtendedKeyUsage";
const _ACMCEKUw = "AwsCertificateManagerCertificateExtendedKeyUsages";
const _ACMCKU = "AwsCertificateManagerCertificateKeyUsage";
const _ACMCKUw = "AwsCertificateManagerCertificateKeyUsages";
const _ACMCO = "AwsCertificateManagerCertificateOptions";
const _ACMCRR = "AwsCertificateManagerCertificateResourceRecord";
const _ACMCRS = "AwsCertificateManagerCertificateRenewalSummary";
const _ACR = "AllowCancelResize";
const _ACRd = "AdditionalCodeRepositories";
const _ACSP = "AppCookieStickinessPolicies";
const _ACTT = "AwsCloudTrailTrail";
const _ACTTD = "AwsCloudTrailTrailDetails";
const _ACUT = "AlarmConfigurationUpdatedTimestamp";
const _ACWA = "AwsCloudWatchAlarm";
const _ACWAD = "AwsCloudWatchAlarmDetails";
const _ACWADD = "AwsCloudWatchAlarmDimensionsDetails";
const _ACWADL = "AwsCloudWatchAlarmDimensionsList";
const _ACc = "AcceleratorCount";
const _ACt = "AttachmentCount";
const _ACu = "AuthorizationConfig";
const _ACut = "AuthCode";
const _AD = "AccountDetails";
const _ADDT = "AwsDynamoDbTable";
const _ADDTAD = "AwsDynamoDbTableAttributeDefinition";
const _ADDTADL = "AwsDynamoDbTableAttributeDefinitionList";
const _ADDTBMS = "AwsDynamoDbTableBillingModeSummary";
const _ADDTD = "AwsDynamoDbTableDetails";
const _ADDTGSI = "AwsDynamoDbTableGlobalSecondaryIndex";
const _ADDTGSIL = "AwsDynamoDbTableGlobalSecondaryIndexList";
const _ADDTKS = "AwsDynamoDbTableKeySchema";
const _ADDTKSL = "AwsDynamoDbTableKeySchemaList";
const _ADDTLSI = "AwsDynamoDbTableLocalSecondaryIndex";
const _ADDTLSIL = "AwsDynamoDbTableLocalSecondaryIndexList";
const _ADDTP = "AwsDynamoDbTableProjection";
const _ADDTPT = "AwsDynamoDbTableProvisionedThroughput";
const _ADDTPTO = "AwsDynamoDbTableProvisionedThroughputOverride";
const _ADDTR = "AwsDynamoDbTableReplica";
const _ADDTRGSI = "AwsDynamoDbTableReplicaGlobalSecondaryIndex";
const _ADDTRGSIL = "AwsDynamoDbTableReplicaGlobalSecondaryIndexList";
const _ADDTRL = "AwsDynamoDbTableReplicaList";
const _ADDTRS = "AwsDynamoDbTableRestoreSummary";
const _ADDTSD = "AwsDynamoDbTableSseDescription";
const _ADDTSS = "AwsDynamoDbTableStreamSpecification";
const _ADE = "AccessDeniedException";
const _ADED = "AwsDmsEndpointDetails";
const _ADEw = "AwsDmsEndpoint";
const _ADL = "AccountDetailsList";
const _ADRFRV = "AllowDnsResolutionFromRemoteVpc";
const _ADRI = "AwsDmsReplicationInstance";
const _ADRID = "AwsDmsReplicationInstanceDetails";
const _ADRIRSGD = "AwsDmsReplicationInstanceReplicationSubnetGroupDetails";
const _ADRIVSGD = "AwsDmsReplicationInstanceVpcSecurityGroupsDetails";
const _ADRIVSGL = "AwsDmsReplicationInstanceVpcSecurityGroupsList";
const _ADRT = "AwsDmsReplicationTask";
const _ADRTD = "AwsDmsReplicationTaskDetails";
const _ADRTI = "AssociationDefaultRouteTableId";
const _ADc = "ActiveDirectory";
const _ADct = "ActionDefinition";
const _ADd = "AddressDefinition";
const _ADl = "AlarmDescription";
const _ADt = "AttributeDefinitions";
const _ADu = "AutoDeploy";
const _ADz = "AzureDetail";
const _AE = "ApiEndpoint";
const _AEACSP = "AwsElbAppCookieStickinessPolicy";
const _AEACSPw = "AwsElbAppCookieStickinessPolicies";
const _AEAP = "AwsEfsAccessPoint";
const _AEAPD = "AwsEfsAccessPointDetails";
const _AEAPPUD = "AwsEfsAccessPointPosixUserDetails";
const _AEAPRDCID = "AwsEfsAccessPointRootDirectoryCreationInfoDetails";
const _AEAPRDD = "AwsEfsAccessPointRootDirectoryDetails";
const _AEBE = "AwsElasticBeanstalkEnvironment";
const _AEBED = "AwsElasticBeanstalkEnvironmentDetails";
const _AEBEEL = "AwsElasticBeanstalkEnvironmentEnvironmentLink";
const _AEBEELw = "AwsElasticBeanstalkEnvironmentEnvironmentLinks";
const _AEBEOS = "AwsElasticBeanstalkEnvironmentOptionSetting";
const _AEBEOSw = "AwsElasticBeanstalkEnvironmentOptionSettings";
const _AEBET = "AwsElasticBeanstalkEnvironmentTier";
const _AEC = "AutoEnableControls";
const _AECCD = "AwsEcsClusterConfigurationDetails";
const _AECCECCD = "AwsEcsClusterConfigurationExecuteCommandConfigurationDetails";
const _AECCECCLCD = "AwsEcsClusterConfigurationExecuteCommandConfigurationLogConfigurationDetails";
const _AECCSD = "AwsEcsClusterClusterSettingsDetails";
const _AECCSL = "AwsEcsClusterClusterSettingsList";
const _AECD = "AwsEcsClusterDetails";
const _AECDCPSD = "AwsEcsClusterDefaultCapacityProviderStrategyDetails";
const _AECDCPSL = "AwsEcsClusterDefaultCapacityProviderStrategyList";
const _AECDL = "AwsEcsContainerDetailsList";
const _AECDw = "AwsEcsContainerDetails";
const _AECDws = "AwsEksClusterDetails";
const _AECI = "AwsEcrContainerImage";
const _AECID = "AwsEcrContainerImageDetails";
const _AECLCLD = "AwsEksClusterLoggingClusterLoggingDetails";
const _AECLCLL = "AwsEksClusterLoggingClusterLoggingList";
const _AECLD = "AwsEksClusterLoggingDetails";
const _AECRVCD = "AwsEksClusterResourcesVpcConfigDetails";
const _AECVE = "AwsEc2ClientVpnEndpoint";
const _AECVEAOADD = "AwsEc2ClientVpnEndpointAuthenticationOptionsActiveDirectoryDetails";
const _AECVEAOD = "AwsEc2ClientVpnEndpointAuthenticationOptionsDetails";
const _AECVEAOFAD = "AwsEc2ClientVpnEndpointAuthenticationOptionsFederatedAuthenticationDetails";
const _AECVEAOL = "AwsEc2ClientVpnEndpointAuthenticationOptionsList";
const _AECVEAOMAD = "AwsEc2ClientVpnEndpointAuthenticationOptionsMutualAuthenticationDetails";
const _AECVECCOD = "AwsEc2ClientVpnEndpointClientConnectOptionsDetails";
const _AECVECCOSD = "AwsEc2ClientVpnEndpointClientConnectOptionsStatusDetails";
const _AECVECLBOD = "AwsEc2ClientVpnEndpointClientLoginBannerOptionsDetails";
const _AECVECLOD = "AwsEc2ClientVpnEndpointConnectionLogOptionsDetails";
const _AECVED = "AwsEc2ClientVpnEndpointDetails";
const _AECw = "AwsEcsCluster";
const _AECws = "AwsEcsContainer";
const _AECwsk = "AwsEksCluster";
const _AED = "AwsElasticsearchDomain";
const _AEDD = "AwsElasticsearchDomainDetails";
const _AEDDEO = "AwsElasticsearchDomainDomainEndpointOptions";
const _AEDEARO = "AwsElasticsearchDomainEncryptionAtRestOptions";
const _AEDECCD = "AwsElasticsearchDomainElasticsearchClusterConfigDetails";
const _AEDECCZACD = "AwsElasticsearchDomainElasticsearchClusterConfigZoneAwarenessConfigDetails";
const _AEDLPO = "AwsElasticsearchDomainLogPublishingOptions";
const _AEDLPOLC = "AwsElasticsearchDomainLogPublishingOptionsLogConfig";
const _AEDNTNEO = "AwsElasticsearchDomainNodeToNodeEncryptionOptions";
const _AEDSSO = "AwsElasticsearchDomainServiceSoftwareOptions";
const _AEDVPCO = "AwsElasticsearchDomainVPCOptions";
const _AEE = "AwsEc2Eip";
const _AEED = "AwsEc2EipDetails";
const _AEEDw = "AwsEventsEndpointDetails";
const _AEEDws = "AwsEventsEventbusDetails";
const _AEEEBD = "AwsEventsEndpointEventBusesDetails";
const _AEEEBL = "AwsEventsEndpointEventBusesList";
const _AEERCD = "AwsEventsEndpointReplicationConfigDetails";
const _AEERCDw = "AwsEventsEndpointRoutingConfigDetails";
const _AEERCFCD = "AwsEventsEndpointRoutingConfigFailoverConfigDetails";
const _AEERCFCPD = "AwsEventsEndpointRoutingConfigFailoverConfigPrimaryDetails";
const _AEERCFCSD = "AwsEventsEndpointRoutingConfigFailoverConfigSecondaryDetails";
const _AEEw = "AwsEventsEventbus";
const _AEEws = "AwsEventsEndpoint";
const _AEFLCLTRV = "AllowEgressFromLocalClassicLinkToRemoteVpc";
const _AEFLVTRCL = "AllowEgressFromLocalVpcToRemoteClassicLink";
const _AEI = "AwsEc2Instance";
const _AEID = "AwsEc2InstanceDetails";
const _AEIMD = "AwsEc2InstanceMonitoringDetails";
const _AEIMO = "AwsEc2InstanceMetadataOptions";
const _AEINID = "AwsEc2InstanceNetworkInterfacesDetails";
const _AEINIL = "AwsEc2InstanceNetworkInterfacesList";
const _AELB = "AwsElbv2LoadBalancer";
const _AELBA = "AwsElbLoadBalancerAttributes";
const _AELBAA = "AwsElbLoadBalancerAdditionalAttribute";
const _AELBAAL = "AwsElbLoadBalancerAdditionalAttributeList";
const _AELBAL = "AwsElbLoadBalancerAccessLog";
const _AELBAw = "AwsElbv2LoadBalancerAttribute";
const _AELBAws = "AwsElbv2LoadBalancerAttributes";
const _AELBBSD = "AwsElbLoadBalancerBackendServerDescription";
const _AELBBSDw = "AwsElbLoadBalancerBackendServerDescriptions";
const _AELBCD = "AwsElbLoadBalancerConnectionDraining";
const _AELBCS = "AwsElbLoadBalancerConnectionSettings";
const _AELBCZLB = "AwsElbLoadBalancerCrossZoneLoadBalancing";
const _AELBD = "AwsElbLoadBalancerDetails";
const _AELBDw = "AwsElbv2LoadBalancerDetails";
const _AELBHC = "AwsElbLoadBalancerHealthCheck";
const _AELBI = "AwsElbLoadBalancerInstance";
const _AELBIw = "AwsElbLoadBalancerInstances";
const _AELBL = "AwsElbLoadBalancerListener";
const _AELBLD = "AwsElbLoadBalancerListenerDescription";
const _AELBLDw = "AwsElbLoadBalancerListenerDescriptions";
const _AELBP = "AwsElbLoadBalancerPolicies";
const _AELBSSG = "AwsElbLoadBalancerSourceSecurityGroup";
const _AELBw = "AwsElbLoadBalancer";
const _AELCSP = "AwsElbLbCookieStickinessPolicy";
const _AELCSPw = "AwsElbLbCookieStickinessPolicies";
const _AELT = "AwsEc2LaunchTemplate";
const _AELTD = "AwsEc2LaunchTemplateDetails";
const _AELTDBDMSD = "AwsEc2LaunchTemplateDataBlockDeviceMappingSetDetails";
const _AELTDBDMSED = "AwsEc2LaunchTemplateDataBlockDeviceMappingSetEbsDetails";
const _AELTDBDMSL = "AwsEc2LaunchTemplateDataBlockDeviceMappingSetList";
const _AELTDCOD = "AwsEc2LaunchTemplateDataCpuOptionsDetails";
const _AELTDCRSCRTD = "AwsEc2LaunchTemplateDataCapacityReservationSpecificationCapacityReservationTargetDetails";
const _AELTDCRSD = "AwsEc2LaunchTemplateDataCapacityReservationSpecificationDetails";
const _AELTDCSD = "AwsEc2LaunchTemplateDataCreditSpecificationDetails";
const _AELTDD = "AwsEc2LaunchTemplateDataDetails";
const _AELTDEGSSD = "AwsEc2LaunchTemplateDataElasticGpuSpecificationSetDetails";
const _AELTDEGSSL = "AwsEc2LaunchTemplateDataElasticGpuSpecificationSetList";
const _AELTDEIASD = "AwsEc2LaunchTemplateDataElasticInferenceAcceleratorSetDetails";
const _AELTDEIASL = "AwsEc2LaunchTemplateDataElasticInferenceAcceleratorSetList";
const _AELTDEOD = "AwsEc2LaunchTemplateDataEnclaveOptionsDetails";
const _AELTDHOD = "AwsEc2LaunchTemplateDataHibernationOptionsDetails";
const _AELTDIIPD = "AwsEc2LaunchTemplateDataIamInstanceProfileDetails";
const _AELTDIMOD = "AwsEc2LaunchTemplateDataInstanceMarketOptionsDetails";
const _AELTDIMOSOD = "AwsEc2LaunchTemplateDataInstanceMarketOptionsSpotOptionsDetails";
const _AELTDIRACD = "AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorCountDetails";
const _AELTDIRATMMBD = "AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorTotalMemoryMiBDetails";
const _AELTDIRBEBMD = "AwsEc2LaunchTemplateDataInstanceRequirementsBaselineEbsBandwidthMbpsDetails";
const _AELTDIRD = "AwsEc2LaunchTemplateDataInstanceRequirementsDetails";
const _AELTDIRMGBPVCD = "AwsEc2LaunchTemplateDataInstanceRequirementsMemoryGiBPerVCpuDetails";
const _AELTDIRMMBD = "AwsEc2LaunchTemplateDataInstanceRequirementsMemoryMiBDetails";
const _AELTDIRNICD = "AwsEc2LaunchTemplateDataInstanceRequirementsNetworkInterfaceCountDetails";
const _AELTDIRTLSGBD = "AwsEc2LaunchTemplateDataInstanceRequirementsTotalLocalStorageGBDetails";
const _AELTDIRVCCD = "AwsEc2LaunchTemplateDataInstanceRequirementsVCpuCountDetails";
const _AELTDLSD = "AwsEc2LaunchTemplateDataLicenseSetDetails";
const _AELTDLSL = "AwsEc2LaunchTemplateDataLicenseSetList";
const _AELTDMD = "AwsEc2LaunchTemplateDataMonitoringDetails";
const _AELTDMOD = "AwsEc2LaunchTemplateDataMaintenanceOptionsDetails";
const _AELTDMODw = "AwsEc2LaunchTemplateDataMetadataOptionsDetails";
const _AELTDNISD = "AwsEc2LaunchTemplateDataNetworkInterfaceSetDetails";
const _AELTDNISIAD = "AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6AddressesDetails";
const _AELTDNISIAL = "AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6AddressesList";
const _AELTDNISIPD = "AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv4PrefixesDetails";
const _AELTDNISIPDw = "AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6PrefixesDetails";
const _AELTDNISIPL = "AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv4PrefixesList";
const _AELTDNISIPLw = "AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6PrefixesList";
const _AELTDNISL = "AwsEc2LaunchTemplateDataNetworkInterfaceSetList";
const _AELTDNISPIAD = "AwsEc2LaunchTemplateDataNetworkInterfaceSetPrivateIpAddressesDetails";
const _AELTDNISPIAL = "AwsEc2LaunchTemplateDataNetworkInterfaceSetPrivateIpAddressesList";
const _AELTDPD = "AwsEc2LaunchTemplateDataPlacementDetails";
const _AELTDPDNOD = "AwsEc2LaunchTemplateDataPrivateDnsNameOptionsDetails";
const _AENA = "AwsEc2NetworkAcl";
const _AENAA = "AwsEc2NetworkAclAssociation";
const _AENAAL = "AwsEc2NetworkAclAssociationList";
const _AENAD = "AwsEc2NetworkAclDetails";
const _AENAE = "AwsEc2NetworkAclEntry";
const _AENAEL = "AwsEc2NetworkAclEntryList";
const _AENI = "AwsEc2NetworkInterface";
const _AENIA = "AwsEc2NetworkInterfaceAttachment";
const _AENID = "AwsEc2NetworkInterfaceDetails";
const _AENIIVAD = "AwsEc2NetworkInterfaceIpV6AddressDetail";
const _AENIIVAL = "AwsEc2NetworkInterfaceIpV6AddressList";
const _AENIPIAD = "AwsEc2NetworkInterfacePrivateIpAddressDetail";
const _AENIPIAL = "AwsEc2NetworkInterfacePrivateIpAddressList";
const _AENISG = "AwsEc2NetworkInterfaceSecurityGroup";
const _AENISGL = "AwsEc2NetworkInterfaceSecurityGroupList";
const _AER = "AwsEcrRepository";
const _AERD = "AwsEcrRepositoryDetails";
const _AERISCD = "AwsEcrRepositoryImageScanningConfigurationDetails";
const _AERLPD = "AwsEcrRepositoryLifecyclePolicyDetails";
const _AERT = "AwsEc2RouteTable";
const _AERTD = "AwsEc2RouteTableDetails";
const _AES = "AutoEnableStandards";
const _AESCPSD = "AwsEcsServiceCapacityProviderStrategyDetails";
const _AESCPSL = "AwsEcsServiceCapacityProviderStrategyList";
const _AESD = "AwsEc2SubnetDetails";
const _AESDCD = "AwsEcsServiceDeploymentConfigurationDetails";
const _AESDCDCBD = "AwsEcsServiceDeploymentConfigurationDeploymentCircuitBreakerDetails";
const _AESDCDw = "AwsEcsServiceDeploymentControllerDetails";
const _AESDw = "AwsEcsServiceDetails";
const _AESG = "AwsEc2SecurityGroup";
const _AESGD = "AwsEc2SecurityGroupDetails";
const _AESGIP = "AwsEc2SecurityGroupIpPermission";
const _AESGIPL = "AwsEc2SecurityGroupIpPermissionList";
const _AESGIR = "AwsEc2SecurityGroupIpRange";
const _AESGIRL = "AwsEc2SecurityGroupIpRangeList";
const _AESGIRLw = "AwsEc2SecurityGroupIpv6RangeList";
const _AESGIRw = "AwsEc2SecurityGroupIpv6Range";
const _AESGPLI = "AwsEc2SecurityGroupPrefixListId";
const _AESGPLIL = "AwsEc2SecurityGroupPrefixListIdList";
const _AESGUIGP = "AwsEc2SecurityGroupUserIdGroupPair";
const _AESGUIGPL = "AwsEc2SecurityGroupUserIdGroupPairList";
const _AESLBD = "AwsEcsServiceLoadBalancersDetails";
const _AESLBL = "AwsEcsServiceLoadBalancersList";
const _AESNCAVCD = "AwsEcsServiceNetworkConfigurationAwsVpcConfigurationDetails";
const _AESNCD = "AwsEcsServiceNetworkConfigurationDetails";
const _AESPCD = "AwsEcsServicePlacementConstraintsDetails";
const _AESPCL = "AwsEcsServicePlacementConstraintsList";
const _AESPSD = "AwsEcsServicePlacementStrategiesDetails";
const _AESPSL = "AwsEcsServicePlacementStrategiesList";
const _AESR = "AwsEventSchemasRegistry";
const _AESRD = "AwsEventSchemasRegistryDetails";
const _AESSRD = "AwsEcsServiceServiceRegistriesDetails";
const _AESSRL = "AwsEcsServiceServiceRegistriesList";
const _AESw = "AwsEc2Subnet";
const _AESws = "AwsEcsService";
const _AET = "AwsEcsTask";
const _AETD = "AwsEcsTaskDetails";
const _AETDCDD = "AwsEcsTaskDefinitionContainerDefinitionsDetails";
const _AETDCDDOD = "AwsEcsTaskDefinitionContainerDefinitionsDependsOnDetails";
const _AETDCDDOL = "AwsEcsTaskDefinitionContainerDefinitionsDependsOnList";
const _AETDCDED = "AwsEcsTaskDefinitionContainerDefinitionsEnvironmentDetails";
const _AETDCDEFD = "AwsEcsTaskDefinitionContainerDefinitionsEnvironmentFilesDetails";
const _AETDCDEFL = "AwsEcsTaskDefinitionContainerDefinitionsEnvironmentFilesList";
const _AETDCDEHD = "AwsEcsTaskDefinitionContainerDefinitionsExtraHostsDetails";
const _AETDCDEHL = "AwsEcsTaskDefinitionContainerDefinitionsExtraHostsList";
const _AETDCDEL = "AwsEcsTaskDefinitionContainerDefinitionsEnvironmentList";
const _AETDCDFCD = "AwsEcsTaskDefinitionContainerDefinitionsFirelensConfigurationDetails";
const _AETDCDHCD = "AwsEcsTaskDefinitionContainerDefinitionsHealthCheckDetails";
const _AETDCDL = "AwsEcsTaskDefinitionContainerDefinitionsList";
const _AETDCDLCD = "AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationDetails";
const _AETDCDLCSOD = "AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationSecretOptionsDetails";
const _AETDCDLCSOL = "AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationSecretOptionsList";
const _AETDCDLPCD = "AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersCapabilitiesDetails";
const _AETDCDLPD = "AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDetails";
const _AETDCDLPDD = "AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDevicesDetails";
const _AETDCDLPDL = "AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDevicesList";
const _AETDCDLPTD = "AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersTmpfsDetails";
const _AETDCDLPTL = "AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersTmpfsList";
const _AETDCDMPD = "AwsEcsTaskDefinitionContainerDefinitionsMountPointsDetails";
const _AETDCDMPL = "AwsEcsTaskDefinitionContainerDefinitionsMountPointsList";
const _AETDCDPMD = "AwsEcsTaskDefinitionContainerDefinitionsPortMappingsDetails";
const _AETDCDPML = "AwsEcsTaskDefinitionContainerDefinitionsPortMappingsList";
const _AETDCDRCD = "AwsEcsTaskDefinitionContainerDefinitionsRepositoryCredentialsDetails";
const _AETDCDRRD = "AwsEcsTaskDefinitionContainerDefinitionsResourceRequirementsDetails";
const _AETDCDRRL = "AwsEcsTaskDefinitionContainerDefinitionsResourceRequirementsList";
const _AETDCDSCD = "AwsEcsTaskDefinitionContainerDefinitionsSystemControlsDetails";
const _AETDCDSCL = "AwsEcsTaskDefinitionContainerDefinitionsSystemControlsList";
const _AETDCDSD = "AwsEcsTaskDefinitionContainerDefinitionsSecretsDetails";
const _AETDCDSL = "AwsEcsTaskDefinitionContainerDefinitionsSecretsList";
const _AETDCDUD = "AwsEcsTaskDefinitionContainerDefinitionsUlimitsDetails";
const _AETDCDUL = "AwsEcsTaskDefinitionContainerDefinitionsUlimitsList";
const _AETDCDVFD = "AwsEcsTaskDefinitionContainerDefinitionsVolumesFromDetails";
const _AETDCDVFL = "AwsEcsTaskDefinitionContainerDefinitionsVolumesFromList";
const _AETDD = "AwsEcsTaskDefinitionDetails";
const _AETDIAD = "AwsEcsTaskDefinitionInferenceAcceleratorsDetails";
const _AETDIAL = "AwsEcsTaskDefinitionInferenceAcceleratorsList";
const _AETDPCD = "AwsEcsTaskDefinitionPlacementConstraintsDetails";
const _AETDPCDw = "AwsEcsTaskDefinitionProxyConfigurationDetails";
const _AETDPCL = "AwsEcsTaskDefinitionPlacementConstraintsList";
const _AETDPCPCPD = "AwsEcsTaskDefinitionProxyConfigurationProxyConfigurationPropertiesDetails";
const _AETDPCPCPL = "AwsEcsTaskDefinitionProxyConfigurationProxyConfigurationPropertiesList";
const _AETDVD = "AwsEcsTaskDefinitionVolumesDetails";
const _AETDVDVCD = "AwsEcsTaskDefinitionVolumesDockerVolumeConfigurationDetails";
const _AETDVEVCACD = "AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationAuthorizationConfigDetails";
const _AETDVEVCD = "AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationDetails";
const _AETDVHD = "AwsEcsTaskDefinitionVolumesHostDetails";
const _AETDVL = "AwsEcsTaskDefinitionVolumesList";
const _AETDw = "AwsEcsTaskDefinition";
const _AETG = "AwsEc2TransitGateway";
const _AETGD = "AwsEc2TransitGatewayDetails";
const _AETVD = "AwsEcsTaskVolumeDetails";
const _AETVDL = "AwsEcsTaskVolumeDetailsList";
const _AETVHD = "AwsEcsTaskVolumeHostDetails";
const _AEV = "AwsEc2Volume";
const _AEVA = "AwsEc2VolumeAttachment";
const _AEVAL = "AwsEc2VolumeAttachmentList";
const _AEVC = "AwsEc2VpnConnection";
const _AEVCD = "AwsEc2VpnConnectionDetails";
const _AEVCOD = "AwsEc2VpnConnectionOptionsDetails";
const _AEVCOTOD = "AwsEc2VpnConnectionOptionsTunnelOptionsDetails";
const _AEVCOTOL = "AwsEc2VpnConnectionOptionsTunnelOptionsList";
const _AEVCRD = "AwsEc2VpnConnectionRoutesDetails";
const _AEVCRL = "AwsEc2VpnConnectionRoutesList";
const _AEVCVTD = "AwsEc2VpnConnectionVgwTelemetryDetails";
const _AEVCVTL = "AwsEc2VpnConnectionVgwTelemetryList";
const _AEVD = "AwsEc2VolumeDetails";
const _AEVDw = "AwsEc2VpcDetails";
const _AEVES = "AwsEc2VpcEndpointService";
const _AEVESD = "AwsEc2VpcEndpointServiceDetails";
const _AEVESSTD = "AwsEc2VpcEndpointServiceServiceTypeDetails";
const _AEVESSTL = "AwsEc2VpcEndpointServiceServiceTypeList";
const _AEVPC = "AwsEc2VpcPeeringConnection";
const _AEVPCD = "AwsEc2VpcPeeringConnectionDetails";
const _AEVPCSD = "AwsEc2VpcPeeringConnectionStatusDetails";
const _AEVPCVID = "AwsEc2VpcPeeringConnectionVpcInfoDetails";
const _AEVw = "AwsEc2Vpc";
const _AEc = "ActionsEnabled";
const _AEu = "AutoEnable";
const _AF = "AssociationFilters";
const _AFTS = "AccountFreeTrialStatus";
const _AFTSL = "AccountFreeTrialStatusList";
const _AFTSc = "AccountFreeTrialStatuses";
const _AGDD = "AwsGuardDutyDetector";
const _AGDDD = "AwsGuardDutyDetectorDetails";
const _AGDDDSCTD = "AwsGuardDutyDetectorDataSourcesCloudTrailDetails";
const _AGDDDSD = "AwsGuardDutyDetectorDataSourcesDetails";
const _AGDDDSDLD = "AwsGuardDutyDetectorDataSourcesDnsLogsDetails";
const _AGDDDSFLD = "AwsGuardDutyDetectorDataSourcesFlowLogsDetails";
const _AGDDDSKALD = "AwsGuardDutyDetectorDataSourcesKubernetesAuditLogsDetails";
const _AGDDDSKD = "AwsGuardDutyDetectorDataSourcesKubernetesDetails";
const _AGDDDSMPD = "AwsGuardDutyDetectorDataSourcesMalwareProtectionDetails";
const _AGDDDSMPSEIWFD = "AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsDetails";
const _AGDDDSMPSEIWFEVD = "AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsEbsVolumesDetails";
const _AGDDDSSLD = "AwsGuardDutyDetectorDataSourcesS3LogsDetails";
const _AGDDFD = "AwsGuardDutyDetectorFeaturesDetails";
const _AGDDFL = "AwsGuardDutyDetectorFeaturesList";
const _AGM = "ApiGatewayManaged";
const _AH = "AllowHeaders";
const _AI = "AdministratorId";
const _AIAC = "AvailableIpAddressCount";
const _AIAK = "AwsIamAccessKey";
const _AIAKD = "AwsIamAccessKeyDetails";
const _AIAKSC = "AwsIamAccessKeySessionContext";
const _AIAKSCA = "AwsIamAccessKeySessionContextAttributes";
const _AIAKSCSI = "AwsIamAccessKeySessionContextSessionIssuer";
const _AIAMP = "AwsIamAttachedManagedPolicy";
const _AIAMPL = "AwsIamAttachedManagedPolicyList";
const _AIAOC = "AssignIpv6AddressOnCreation";
const _AICR = "AppIdClientRegex";
const _AID = "AIDetails";
const _AIG = "AwsIamGroup";
const _AIGD = "AwsIamGroupDetails";
const _AIGP = "AwsIamGroupPolicy";
const _AIGPL = "AwsIamGroupPolicyList";
const _AIIP = "AwsIamInstanceProfile";
const _AIIPL = "AwsIamInstanceProfileList";
const _AIIPR = "AwsIamInstanceProfileRole";
const _AIIPRw = "AwsIamInstanceProfileRoles";
const _AIMU = "AbortIncompleteMultipartUpload";
const _AIP = "AwsIamPolicy";
const _AIPB = "AwsIamPermissionsBoundary";
const _AIPD = "AwsIamPolicyDetails";
const _AIPV = "AwsIamPolicyVersion";
const _AIPVL = "AwsIamPolicyVersionList";
const _AIR = "AcceptInvitationRequest";
const _AIRD = "AwsIamRoleDetails";
const _AIRP = "AwsIamRolePolicy";
const _AIRPL = "AwsIamRolePolicyList";
const _AIRc = "AcceptInvitationResponse";
const _AIRw = "AwsIamRole";
const _AIU = "AwsIamUser";
const _AIUD = "AwsIamUserDetails";
const _AIUP = "AwsIamUserPolicy";
const _AIUPL = "AwsIamUserPolicyList";
const _AIc = "AccountId";
const _AIcc = "AccountIds";
const _AIcce = "AcceptInvitation";
const _AIct = "ActorIds";
const _AIl = "AllocationId";
const _AIp = "ApiId";
const _AIr = "ArtifactIdentifier";
const _AIs = "AssociationId";
const _AIt = "AttachmentId";
const _AKI = "AccessKeyId";
const _AKK = "AwsKmsKey";
const _AKKD = "AwsKmsKeyDetails";
const _AKS = "ApiKeySource";
const _AKSD = "AwsKinesisStreamDetails";
const _AKSE = "ApiKeySelectionExpression";
const _AKSSED = "AwsKinesisStreamStreamEncryptionDetails";
const _AKSw = "AwsKinesisStream";
const _AL = "AuditLogs";
const _ALF = "AwsLambdaFunction";
const _ALFC = "AwsLambdaFunctionCode";
const _ALFD = "AwsLambdaFunctionDetails";
const _ALFDLC = "AwsLambdaFunctionDeadLetterConfig";
const _ALFE = "AwsLambdaFunctionEnvironment";
const _ALFEE = "AwsLambdaFunctionEnvironmentError";
const _ALFL = "AwsLambdaFunctionLayer";
const _ALFLL = "AwsLambdaFunctionLayerList";
const _ALFTC = "AwsLambdaFunctionTracingConfig";
const _ALFVC = "AwsLambdaFunctionVpcConfig";
const _ALG = "AuditLogGroup";
const _ALID = "ActionLocalIpDetails";
const _ALLV = "AwsLambdaLayerVersion";
const _ALLVD = "AwsLambdaLayerVersionDetails";
const _ALPD = "ActionLocalPortDetails";
const _ALS = "AccessLogSettings";
const _ALc = "AccessLog";
const _ALct = "ActionList";
const _ALcto = "ActorsList";
const _ALd = "AdjustmentList";
const _AM = "AllowMethods";
const _AMC = "AwsMskCluster";
const _AMCCICAD = "AwsMskClusterClusterInfoClientAuthenticationDetails";
const _AMCCICASD = "AwsMskClusterClusterInfoClientAuthenticationSaslDetails";
const _AMCCICASID = "AwsMskClusterClusterInfoClientAuthenticationSaslIamDetails";
const _AMCCICASSD = "AwsMskClusterClusterInfoClientAuthenticationSaslScramDetails";
const _AMCCICATD = "AwsMskClusterClusterInfoClientAuthenticationTlsDetails";
const _AMCCICAUD = "AwsMskClusterClusterInfoClientAuthenticationUnauthenticatedDetails";
const _AMCCID = "AwsMskClusterClusterInfoDetails";
const _AMCCIEID = "AwsMskClusterClusterInfoEncryptionInfoDetails";
const _AMCCIEIEARD = "AwsMskClusterClusterInfoEncryptionInfoEncryptionAtRestDetails";
const _AMCCIEIEITD = "AwsMskClusterClusterInfoEncryptionInfoEncryptionInTransitDetails";
const _AMCD = "AwsMskClusterDetails";
const _AMP = "AttachedManagedPolicies";
const _AMPL = "AwsMountPointList";
const _AMPw = "AwsMountPoint";
const _AMVU = "AutoMinorVersionUpgrade";
const _AMc = "AcceleratorManufacturers";
const _AN = "AlarmName";
const _ANFF = "AwsNetworkFirewallFirewall";
const _ANFFD = "AwsNetworkFirewallFirewallDetails";
const _ANFFP = "AwsNetworkFirewallFirewallPolicy";
const _ANFFPD = "AwsNetworkFirewallFirewallPolicyDetails";
const _ANFFSMD = "AwsNetworkFirewallFirewallSubnetMappingsDetails";
const _ANFFSML = "AwsNetworkFirewallFirewallSubnetMappingsList";
const _ANFRG = "AwsNetworkFirewallRuleGroup";
const _ANFRGD = "AwsNetworkFirewallRuleGroupDetails";
const _ANc = "AcceleratorNames";
const _ANcc = "AccountName";
const _ANct = "ActionName";
const _ANp = "ApplicationName";
const _ANt = "AttributeName";
const _AO = "AllowOrigins";
const _AOS = "AwsOrganizationScope";
const _AOSL = "AwsOrganizationScopeList";
const _AOSSD = "AwsOpenSearchServiceDomain";
const _AOSSDASOD = "AwsOpenSearchServiceDomainAdvancedSecurityOptionsDetails";
const _AOSSDCCD = "AwsOpenSearchServiceDomainClusterConfigDetails";
const _AOSSDCCZACD = "AwsOpenSearchServiceDomainClusterConfigZoneAwarenessConfigDetails";
const _AOSSDD = "AwsOpenSearchServiceDomainDetails";
const _AOSSDDEOD = "AwsOpenSearchServiceDomainDomainEndpointOptionsDetails";
const _AOSSDEAROD = "AwsOpenSearchServiceDomainEncryptionAtRestOptionsDetails";
const _AOSSDLPO = "AwsOpenSearchServiceDomainLogPublishingOption";
const _AOSSDLPOD = "AwsOpenSearchServiceDomainLogPublishingOptionsDetails";
const _AOSSDMUOD = "AwsOpenSearchServiceDomainMasterUserOptionsDetails";
const _AOSSDNTNEOD = "AwsOpenSearchServiceDomainNodeToNodeEncryptionOptionsDetails";
const _AOSSDSSOD = "AwsOpenSearchServiceDomainServiceSoftwareOptionsDetails";
const _AOSSDVOD = "AwsOpenSearchServiceDomainVpcOptionsDetails";
const _AOd = "AdditionalOccurrences";
const _AOs = "AsnOrg";
const _AOu = "AuthenticationOptions";
const _AOw = "AwsOrganizations";
const _AP = "AccessPolicy";
const _APA = "AccessPointArn";
const _APC = "AzureProviderConfiguration";
const _API = "AssignPublicIp";
const _APIA = "AssociatePublicIpAddress";
const _APIc = "AccessPointId";
const _APc = "AccessPolicies";
const _AR = "AffectedResources";
const _ARA = "AutomationRulesAction";
const _ARALV = "AutomationRulesActionListV2";
const _ARATLV = "AutomationRulesActionTypeListV2";
const _ARATOV = "AutomationRulesActionTypeObjectV2";
const _ARAV = "AutomationRulesActionV2";
const _ARAu = "AutomationRulesArns";
const _ARC = "AutomationRulesConfig";
const _ARCCN = "AwsRedshiftClusterClusterNode";
const _ARCCNw = "AwsRedshiftClusterClusterNodes";
const _ARCCPG = "AwsRedshiftClusterClusterParameterGroup";
const _ARCCPGw = "AwsRedshiftClusterClusterParameterGroups";
const _ARCCPS = "AwsRedshiftClusterClusterParameterStatus";
const _ARCCPSL = "AwsRedshiftClusterClusterParameterStatusList";
const _ARCCSCS = "AwsRedshiftClusterClusterSnapshotCopyStatus";
const _ARCCSG = "AwsRedshiftClusterClusterSecurityGroup";
const _ARCCSGw = "AwsRedshiftClusterClusterSecurityGroups";
const _ARCD = "AwsRedshiftClusterDetails";
const _ARCDMW = "AwsRedshiftClusterDeferredMaintenanceWindow";
const _ARCDMWw = "AwsRedshiftClusterDeferredMaintenanceWindows";
const _ARCE = "AwsRedshiftClusterEndpoint";
const _ARCEIS = "AwsRedshiftClusterElasticIpStatus";
const _ARCHS = "AwsRedshiftClusterHsmStatus";
const _ARCIR = "AwsRedshiftClusterIamRole";
const _ARCIRw = "AwsRedshiftClusterIamRoles";
const _ARCL = "AutomationRulesConfigList";
const _ARCLS = "AwsRedshiftClusterLoggingStatus";
const _ARCPMV = "AwsRedshiftClusterPendingModifiedValues";
const _ARCRI = "AwsRedshiftClusterResizeInfo";
const _ARCRS = "AwsRedshiftClusterRestoreStatus";
const _ARCVSG = "AwsRedshiftClusterVpcSecurityGroup";
const _ARCVSGw = "AwsRedshiftClusterVpcSecurityGroups";
const _ARCc = "AcceptedRouteCount";
const _ARCw = "AwsRedshiftCluster";
const _ARDC = "AwsRdsDbCluster";
const _ARDCAR = "AwsRdsDbClusterAssociatedRole";
const _ARDCARw = "AwsRdsDbClusterAssociatedRoles";
const _ARDCD = "AwsRdsDbClusterDetails";
const _ARDCM = "AwsRdsDbClusterMember";
const _ARDCMw = "AwsRdsDbClusterMembers";
const _ARDCOGM = "AwsRdsDbClusterOptionGroupMembership";
const _ARDCOGMw = "AwsRdsDbClusterOptionGroupMemberships";
const _ARDCS = "AwsRdsDbClusterSnapshot";
const _ARDCSD = "AwsRdsDbClusterSnapshotDetails";
const _ARDCSDCSA = "AwsRdsDbClusterSnapshotDbClusterSnapshotAttribute";
const _ARDCSDCSAw = "AwsRdsDbClusterSnapshotDbClusterSnapshotAttributes";
const _ARDDM = "AwsRdsDbDomainMembership";
const _ARDDMw = "AwsRdsDbDomainMemberships";
const _ARDI = "AwsRdsDbInstance";
const _ARDIAR = "AwsRdsDbInstanceAssociatedRole";
const _ARDIARw = "AwsRdsDbInstanceAssociatedRoles";
const _ARDID = "AwsRdsDbInstanceDetails";
const _ARDIE = "AwsRdsDbInstanceEndpoint";
const _ARDIVSG = "AwsRdsDbInstanceVpcSecurityGroup";
const _ARDIVSGw = "AwsRdsDbInstanceVpcSecurityGroups";
const _ARDOGM = "AwsRdsDbOptionGroupMembership";
const _ARDOGMw = "AwsRdsDbOptionGroupMemberships";
const _ARDPF = "AwsRdsDbProcessorFeature";
const _ARDPFw = "AwsRdsDbProcessorFeatures";
const _ARDPG = "AwsRdsDbParameterGroup";
const _ARDPGw = "AwsRdsDbParameterGroups";
const _ARDPMV = "AwsRdsDbPendingModifiedValues";
const _ARDS = "AwsRdsDbSnapshot";
const _ARDSD = "AwsRdsDbSnapshotDetails";
const _ARDSG = "AwsRdsDbSubnetGroup";
const _ARDSGD = "AwsRdsDbSecurityGroupDetails";
const _ARDSGESG = "AwsRdsDbSecurityGroupEc2SecurityGroup";
const _ARDSGESGw = "AwsRdsDbSecurityGroupEc2SecurityGroups";
const _ARDSGIR = "AwsRdsDbSecurityGroupIpRange";
const _ARDSGIRw = "AwsRdsDbSecurityGroupIpRanges";
const _ARDSGS = "AwsRdsDbSubnetGroupSubnet";
const _ARDSGSAZ = "AwsRdsDbSubnetGroupSubnetAvailabilityZone";
const _ARDSGSw = "AwsRdsDbSubnetGroupSubnets";
const _ARDSGw = "AwsRdsDbSecurityGroup";
const _ARDSI = "AwsRdsDbStatusInfo";
const _ARDSIw = "AwsRdsDbStatusInfos";
const _ARES = "AwsRdsEventSubscription";
const _ARESD = "AwsRdsEventSubscriptionDetails";
const _ARFF = "AutomationRulesFindingFilters";
const _ARFFU = "AutomationRulesFindingFieldsUpdate";
const _ARFFUV = "AutomationRulesFindingFieldsUpdateV2";
const _ARHZ = "AwsRoute53HostedZone";
const _ARHZCD = "AwsRoute53HostedZoneConfigDetails";
const _ARHZD = "AwsRoute53HostedZoneDetails";
const _ARHZOD = "AwsRoute53HostedZoneObjectDetails";
const _ARHZVD = "AwsRoute53HostedZoneVpcDetails";
const _ARHZVL = "AwsRoute53HostedZoneVpcsList";
const _ARID = "ActionRemoteIpDetails";
const _ARM = "AutomationRulesMetadata";
const _ARML = "AutomationRulesMetadataList";
const _ARMLV = "AutomationRulesMetadataListV2";
const _ARMV = "AutomationRulesMetadataV2";
const _ARPCWLE = "AwsRdsPendingCloudWatchLogsExports";
const _ARPD = "ActionRemotePortDetails";
const _ARPDs = "AssumeRolePolicyDocument";
const _ARQLCD = "AwsRoute53QueryLoggingConfigDetails";
const _ARTIS = "AuthorizerResultTtlInSeconds";
const _ARc = "AcceptanceRequired";
const _ARg = "AggregationRegion";
const _ARl = "AllResources";
const _ARs = "AssociatedRoles";
const _ARu = "AutoRecovery";
const _ARw = "AwsRegion";
const _ARz = "AzureRegions";
const _ARzu = "AzureResource";
const _AS = "ActorSession";
const _ASA = "AmazonSideAsn";
const _ASAP = "AwsS3AccessPoint";
const _ASAPAB = "AwsS3AccountPublicAccessBlock";
const _ASAPABD = "AwsS3AccountPublicAccessBlockDetails";
const _ASAPD = "AwsS3AccessPointDetails";
const _ASAPVCD = "AwsS3AccessPointVpcConfigurationDetails";
const _ASB = "AwsS3Bucket";
const _ASBBLCD = "AwsS3BucketBucketLifecycleConfigurationDetails";
const _ASBBLCRAIMUD = "AwsS3BucketBucketLifecycleConfigurationRulesAbortIncompleteMultipartUploadDetails";
const _ASBBLCRD = "AwsS3BucketBucketLifecycleConfigurationRulesDetails";
const _ASBBLCRFD = "AwsS3BucketBucketLifecycleConfigurationRulesFilterDetails";
const _ASBBLCRFPD = "AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateDetails";
const _ASBBLCRFPOD = "AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsDetails";
const _ASBBLCRFPOL = "AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsList";
const _ASBBLCRFPOTD = "AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsTagDetails";
const _ASBBLCRFPTD = "AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateTagDetails";
const _ASBBLCRL = "AwsS3BucketBucketLifecycleConfigurationRulesList";
const _ASBBLCRNVTD = "AwsS3BucketBucketLifecycleConfigurationRulesNoncurrentVersionTransitionsDetails";
const _ASBBLCRNVTL = "AwsS3BucketBucketLifecycleConfigurationRulesNoncurrentVersionTransitionsList";
const _ASBBLCRTD = "AwsS3BucketBucketLifecycleConfigurationRulesTransitionsDetails";
const _ASBBLCRTL = "AwsS3BucketBucketLifecycleConfigurationRulesTransitionsList";
const _ASBBVC = "AwsS3BucketBucketVersioningConfiguration";
const _ASBD = "AwsS3BucketDetails";
const _ASBLC = "AwsS3BucketLoggingConfiguration";
const _ASBNC = "AwsS3BucketNotificationConfiguration";
const _ASBNCD = "AwsS3BucketNotificationConfigurationDetail";
const _ASBNCDw = "AwsS3BucketNotificationConfigurationDetails";
const _ASBNCF = "AwsS3BucketNotificationConfigurationFilter";
const _ASBNCSKF = "AwsS3BucketNotificationConfigurationS3KeyFilter";
const _ASBNCSKFR = "AwsS3BucketNotificationConfigurationS3KeyFilterRule";
const _ASBNCSKFRw = "AwsS3BucketNotificationConfigurationS3KeyFilterRules";
const _ASBOLC = "AwsS3BucketObjectLockConfiguration";
const _ASBOLCRD = "AwsS3BucketObjectLockConfigurationRuleDetails";
const _ASBOLCRDRD = "AwsS3BucketObjectLockConfigurationRuleDefaultRetentionDetails";
const _ASBSSEBD = "AwsS3BucketServerSideEncryptionByDefault";
const _ASBSSEC = "AwsS3BucketServerSideEncryptionConfiguration";
const _ASBSSER = "AwsS3BucketServerSideEncryptionRule";
const _ASBSSERw = "AwsS3BucketServerSideEncryptionRules";
const _ASBWC = "AwsS3BucketWebsiteConfiguration";
const _ASBWCRR = "AwsS3BucketWebsiteConfigurationRoutingRule";
const _ASBWCRRC = "AwsS3BucketWebsiteConfigurationRoutingRuleCondition";
const _ASBWCRRR = "AwsS3BucketWebsiteConfigurationRoutingRuleRedirect";
const _ASBWCRRw = "AwsS3BucketWebsiteConfigurationRoutingRules";
const _ASBWCRT = "AwsS3BucketWebsiteConfigurationRedirectTo";
const _ASC = "ActiveServicesCount";
const _ASCS = "AwsSsmComplianceSummary";
const _ASCz = "AzureScopeConfiguration";
const _ASD = "AssociationSetDetails";
const _ASDs = "AssociationStateDetails";
const _ASF = "AwsSecurityFinding";
const _ASFF = "AwsSecurityFindingFilters";
const _ASFI = "AwsSecurityFindingIdentifier";
const _ASFIL = "AwsSecurityFindingIdentifierList";
const _ASFL = "AwsSecurityFindingList";
const _ASFRA = "ApplicationSuccessFeedbackRoleArn";
const _ASFSM = "AwsStepFunctionStateMachine";
const _ASFSMD = "AwsStepFunctionStateMachineDetails";
const _ASFSMLCD = "AwsStepFunctionStateMachineLoggingConfigurationDetails";
const _ASFSMLCDCWLLGD = "AwsStepFunctionStateMachineLoggingConfigurationDestinationsCloudWatchLogsLogGroupDetails";
const _ASFSMLCDD = "AwsStepFunctionStateMachineLoggingConfigurationDestinationsDetails";
const _ASFSMLCDL = "AwsStepFunctionStateMachineLoggingConfigurationDestinationsList";
const _ASFSMTCD = "AwsStepFunctionStateMachineTracingConfigurationDetails";
const _ASL = "AssociatedStandardsList";
const _ASLs = "AssociationSetList";
const _ASM = "AssociationStatusMessage";
const _ASMNI = "AwsSageMakerNotebookInstance";
const _ASMNID = "AwsSageMakerNotebookInstanceDetails";
const _ASMNIMSCD = "AwsSageMakerNotebookInstanceMetadataServiceConfigurationDetails";
const _ASMS = "AwsSecretsManagerSecret";
const _ASMSD = "AwsSecretsManagerSecretDetails";
const _ASMSRR = "AwsSecretsManagerSecretRotationRules";
const _ASO = "AdvancedSecurityOptions";
const _ASOD = "AwsS3ObjectDetails";
const _ASOw = "AwsS3Object";
const _ASP = "AwsSsmPatch";
const _ASPC = "AwsSsmPatchCompliance";
const _ASPCD = "AwsSsmPatchComplianceDetails";
const _ASQ = "AwsSqsQueue";
const _ASQD = "AwsSqsQueueDetails";
const _ASRP = "AutomatedSnapshotRetentionPeriod";
const _ASS = "ActivityStreamStatus";
const _ASSEBD = "ApplyServerSideEncryptionByDefault";
const _AST = "AwsSnsTopic";
const _ASTD = "AwsSnsTopicDetails";
const _ASTS = "AwsSnsTopicSubscription";
const _ASTSL = "AwsSnsTopicSubscriptionList";
const _ASl = "AllocatedStorage";
const _ASp = "ApplyStatus";
const _ASs = "AssociatedStandard";
const _ASss = "AssociationStatus";
const _ASsso = "AssociationState";
const _ASssoc = "AssociationSet";
const _ASssoci = "AssociatedStandards";
const _ASu = "AuthenticationStrategy";
const _ASut = "AuthStatus";
const _ASuth = "AuthState";
const _ASuto = "AutonomousSystem";
const _AT = "ActionType";
const _ATA = "ActionTargetArn";
const _ATAc = "ActionTargetArns";
const _ATL = "AuthTtL";
const _ATLc = "ActionTargetList";
const _ATMMB = "AcceleratorTotalMemoryMiB";
const _ATc = "ActionTarget";
const _ATcc = "AcceleratorTypes";
const _ATct = "ActionTargets";
const _ATs = "AssociationType";
const _ATt = "AttributeType";
const _ATtt = "AttachTime";
const _ATu = "AuthenticationType";
const _AU = "ActorUser";
const _AUC = "AzureUpdateConfiguration";
const _AUD = "AutomatedUpdateDate";
const _AUc = "ActivationUrl";
const _AUu = "AuthorizerUri";
const _AUut = "AuthUrl";
const _AV = "AggregatorV2";
const _AVA = "AggregatorV2Arn";
const _AVC = "AwsVpcConfiguration";
const _AVI = "AccepterVpcInfo";
const _AVL = "AggregatorV2List";
const _AVU = "AllowVersionUpgrade";
const _AVg = "AggregatorsV2";
const _AVl = "AllowedValues";
const _AVt = "AttributeValues";
const _AWAAD = "AwsWafv2ActionAllowDetails";
const _AWABD = "AwsWafv2ActionBlockDetails";
const _AWCHH = "AwsWafv2CustomHttpHeader";
const _AWCRD = "AwsWafv2CustomResponseDetails";
const _AWCRHD = "AwsWafv2CustomRequestHandlingDetails";
const _AWIHL = "AwsWafv2InsertHeadersList";
const _AWR = "AwsWafRule";
const _AWRACD = "AwsWafv2RulesActionCaptchaDetails";
const _AWRACDw = "AwsWafv2RulesActionCountDetails";
const _AWRAD = "AwsWafv2RulesActionDetails";
const _AWRBR = "AwsWafRateBasedRule";
const _AWRBRD = "AwsWafRateBasedRuleDetails";
const _AWRBRMP = "AwsWafRateBasedRuleMatchPredicate";
const _AWRBRMPL = "AwsWafRateBasedRuleMatchPredicateList";
const _AWRD = "AwsWafRuleDetails";
const _AWRDw = "AwsWafv2RulesDetails";
const _AWRG = "AwsWafRuleGroup";
const _AWRGD = "AwsWafRuleGroupDetails";
const _AWRGDw = "AwsWafv2RuleGroupDetails";
const _AWRGRAD = "AwsWafRuleGroupRulesActionDetails";
const _AWRGRD = "AwsWafRuleGroupRulesDetails";
const _AWRGRL = "AwsWafRuleGroupRulesList";
const _AWRGw = "AwsWafv2RuleGroup";
const _AWRL = "AwsWafv2RulesList";
const _AWRPL = "AwsWafRulePredicateList";
const _AWRPLD = "AwsWafRulePredicateListDetails";
const _AWRR = "AwsWafRegionalRule";
const _AWRRBR = "AwsWafRegionalRateBasedRule";
const _AWRRBRD = "AwsWafRegionalRateBasedRuleDetails";
const _AWRRBRMP = "AwsWafRegionalRateBasedRuleMatchPredicate";
const _AWRRBRMPL = "AwsWafRegionalRateBasedRuleMatchPredicateList";
const _AWRRD = "AwsWafRegionalRuleDetails";
const _AWRRG = "AwsWafRegionalRuleGroup";
const _AWRRGD = "AwsWafRegionalRuleGroupDetails";
const _AWRRGRAD = "AwsWafRegionalRuleGroupRulesActionDetails";
const _AWRRGRD = "AwsWafRegionalRuleGroupRulesDetails";
const _AWRRGRL = "AwsWafRegionalRuleGroupRulesList";
const _AWRRPL = "AwsWafRegionalRulePredicateList";
const _AWRRPLD = "AwsWafRegionalRulePredicateListDetails";
const _AWRWA = "AwsWafRegionalWebAcl";
const _AWRWAD = "AwsWafRegionalWebAclDetails";
const _AWRWARL = "AwsWafRegionalWebAclRulesList";
const _AWRWARLAD = "AwsWafRegionalWebAclRulesListActionDetails";
const _AWRWARLD = "AwsWafRegionalWebAclRulesListDetails";
const _AWRWARLOAD = "AwsWafRegionalWebAclRulesListOverrideActionDetails";
const _AWSAI = "AWSAccountId";
const _AWSCCA = "AWSConfigConnectorArn";
const _AWVCD = "AwsWafv2VisibilityConfigDetails";
const _AWWA = "AwsWafWebAcl";
const _AWWAAD = "AwsWafv2WebAclActionDetails";
const _AWWACCD = "AwsWafv2WebAclCaptchaConfigDetails";
const _AWWACCITPD = "AwsWafv2WebAclCaptchaConfigImmunityTimePropertyDetails";
const _AWWAD = "AwsWafv2WebAclDetails";
const _AWWADw = "AwsWafWebAclDetails";
const _AWWAR = "AwsWafWebAclRule";
const _AWWARL = "AwsWafWebAclRuleList";
const _AWWAw = "AwsWafv2WebAcl";
const _AXEC = "AwsXrayEncryptionConfig";
const _AXECD = "AwsXrayEncryptionConfigDetails";
const _AZ = "AvailabilityZone";
const _AZC = "AvailabilityZoneCount";
const _AZI = "AvailabilityZoneId";
const _AZv = "AvailabilityZones";
const _Ac = "Actor";
const _Acc = "Account";
const _Act = "Actions";
const _Acto = "Actors";
const _Ad = "Adjustment";
const _Add = "Add";
const _Addr = "Address";
const _Adj = "Adjustments";
const _Adm = "Administrator";
const _Af = "Affinity";
const _Al = "Alias";
const _All = "Allow";
const _Ap = "Api";
const _Ar = "Arn";
const _Arc = "Architecture";
const _Arch = "Architectures";
const _Art = "Artifacts";
const _As = "Associations";
const _Asn = "Asn";
const _At = "Attachment";
const _Att = "Attachments";
const _Attr = "Attributes";
const _Au = "Audit";
const _Aut = "Autoprovision";
const _Az = "Azure";
const _B = "Bucket";
const _BA = "BrokerArn";
const _BAI = "BucketAccountId";
const _BCO = "BooleanConfigurationOptions";
const _BDAR = "BatchDeleteAutomationRules";
const _BDARR = "BatchDeleteAutomationRulesRequest";
const _BDARRa = "BatchDeleteAutomationRulesResponse";
const _BDM = "BlockDeviceMappings";
const _BDMS = "BlockDeviceMappingSet";
const _BDMl = "BlockDurationMinutes";
const _BDS = "BatchDisableStandards";
const _BDSR = "BatchDisableStandardsRequest";
const _BDSRa = "BatchDisableStandardsResponse";
const _BEBM = "BaselineEbsBandwidthMbps";
const _BEDN = "BaseEndpointDnsNames";
const _BES = "BatchEnableStandards";
const _BESR = "BatchEnableStandardsRequest";
const _BESRa = "BatchEnableStandardsResponse";
const _BF = "BooleanFilter";
const _BFL = "BooleanFilterList";
const _BFo = "BooleanFilters";
const _BGAR = "BatchGetAutomationRules";
const _BGARR = "BatchGetAutomationRulesRequest";
const _BGARRa = "BatchGetAutomationRulesResponse";
const _BGCPA = "BatchGetConfigurationPolicyAssociations";
const _BGCPAR = "BatchGetConfigurationPolicyAssociationsRequest";
const _BGCPARa = "BatchGetConfigurationPolicyAssociationsResponse";
const _BGSC = "BatchGetSecurityControls";
const _BGSCA = "BatchGetStandardsControlAssociations";
const _BGSCAR = "BatchGetStandardsControlAssociationsRequest";
const _BGSCARa = "BatchGetStandardsControlAssociationsResponse";
const _BGSCR = "BatchGetSecurityControlsRequest";
const _BGSCRa = "BatchGetSecurityControlsResponse";
const _BI = "BrokerId";
const _BIF = "BatchImportFindings";
const _BIFR = "BatchImportFindingsRequest";
const _BIFRFL = "BatchImportFindingsRequestFindingList";
const _BIFRa = "BatchImportFindingsResponse";
const _BLC = "BucketLifecycleConfiguration";
const _BLCu = "BucketLoggingConfiguration";
const _BM = "BillingMode";
const _BMS = "BillingModeSummary";
const _BMT = "BinaryMediaTypes";
const _BMa = "BareMetal";
const _BN = "BrokerName";
const _BNC = "BucketNotificationConfiguration";
const _BNu = "BucketName";
const _BO = "BackupOptions";
const _BP = "BackupPlan";
const _BPA = "BackupPlanArn";
const _BPAl = "BlockPublicAcls";
const _BPI = "BackupPlanId";
const _BPN = "BackupPlanName";
const _BPP = "BlockPublicPolicy";
const _BPR = "BackupPlanRule";
const _BPV = "BackupPlanVersion";
const _BPu = "BurstablePerformance";
const _BRI = "BackupRuleId";
const _BRP = "BackupRetentionPeriod";
const _BS = "BaseScore";
const _BSD = "BackendServerDescriptions";
const _BSIB = "BackupSizeInBytes";
const _BT = "BannerText";
const _BUAR = "BatchUpdateAutomationRules";
const _BUARR = "BatchUpdateAutomationRulesRequest";
const _BUARRa = "BatchUpdateAutomationRulesResponse";
const _BUF = "BatchUpdateFindings";
const _BUFR = "BatchUpdateFindingsRequest";
const _BUFRa = "BatchUpdateFindingsResponse";
const _BUFUF = "BatchUpdateFindingsUnprocessedFinding";
const _BUFUFL = "BatchUpdateFindingsUnprocessedFindingsList";
const _BUFV = "BatchUpdateFindingsV2";
const _BUFVPF = "BatchUpdateFindingsV2ProcessedFinding";
const _BUFVPFL = "BatchUpdateFindingsV2ProcessedFindingsList";
const _BUFVR = "BatchUpdateFindingsV2Request";
const _BUFVRa = "BatchUpdateFindingsV2Response";
const _BUFVUF = "BatchUpdateFindingsV2UnprocessedFinding";
const _BUFVUFL = "BatchUpdateFindingsV2UnprocessedFindingsList";
const _BUSCA = "BatchUpdateStandardsControlAssociations";
const _BUSCAR = "BatchUpdateStandardsControlAssociationsRequest";
const _BUSCARa = "BatchUpdateStandardsControlAssociationsResponse";
const _BV = "BaseVector";
const _BVA = "BackupVaultArn";
const _BVC = "BucketVersioningConfiguration";
const _BVE = "BackupVaultEvents";
const _BVN = "BackupVaultName";
const _BWC = "BucketWebsiteConfiguration";
const _Ba = "Backfilling";
const _Bas = "Base";
const _Be = "Begin";
const _Bl = "Block";
const _Blo = "Blocked";
const _Bo = "Boolean";
const _C = "Code";
const _CA = "CreatedAt";
const _CAA = "CertificateAuthorityArn";
const _CAAL = "CertificateAuthorityArnList";
const _CAC = "CrossAccountClone";
const _CACI = "CACertificateIdentifier";
const _CAD = "CertificateAuthorityData";
const _CAI = "CustomerAwsId";
const _CAR = "CreateAutomationRule";
const _CARR = "CreateAutomationRuleRequest";
const _CARRr = "CreateAutomationRuleResponse";
const _CARV = "CreateAutomationRuleV2";
const _CARVR = "CreateAutomationRuleV2Request";
const _CARVRr = "CreateAutomationRuleV2Response";
const _CAS = "ClusterAvailabilityStatus";
const _CASI = "ComplianceAssociatedStandardsId";
const _CAT = "CreateActionTarget";
const _CATR = "CreateActionTargetRequest";
const _CATRr = "CreateActionTargetResponse";
const _CAU = "CloudAccountUid";
const _CAV = "CreateAggregatorV2";
const _CAVR = "CreateAggregatorV2Request";
const _CAVRr = "CreateAggregatorV2Response";
const _CAe = "CertificateArn";
const _CAl = "ClusterArn";
const _CAli = "ClientAuthentication";
const _CAo = "CopyActions";
const _CAon = "ConnectorArn";
const _CAu = "CustomActions";
const _CB = "CreatedBy";
const _CBA = "CidrBlockAssociation";
const _CBAL = "CidrBlockAssociationList";
const _CBAS = "CidrBlockAssociationSet";
const _CBS = "CidrBlockSet";
const _CBSi = "CidrBlockState";
const _CBa = "CacheBehaviors";
const _CBi = "CidrBlock";
const _CBl = "ClientBroker";
const _CC = "CorsConfiguration";
const _CCB = "ClientCidrBlock";
const _CCC = "CompliantCriticalCount";
const _CCE = "CacheClusterEnabled";
const _CCI = "ClientCertificateId";
const _CCIa = "CaCertificateIdentifier";
const _CCO = "ClientConnectOptions";
const _CCP = "CreateConfigurationPolicy";
const _CCPR = "CreateConfigurationPolicyRequest";
const _CCPRr = "CreateConfigurationPolicyResponse";
const _CCR = "CreateConnectorRequest";
const _CCRr = "CreateConnectorResponse";
const _CCS = "CacheClusterSize";
const _CCSL = "CspmConnectorSummaryList";
const _CCSa = "CacheClusterStatus";
const _CCSs = "CspmConnectorSummary";
const _CCT = "ClusterCreateTime";
const _CCV = "CreateConnectorV2";
const _CCVR = "CreateConnectorV2Request";
const _CCVRr = "CreateConnectorV2Response";
const _CCa = "CaptchaConfig";
const _CCl = "ClusterConfig";
const _CCo = "CoreCount";
const _CCou = "CountryCode";
const _CCp = "CpuCredits";
const _CCr = "CreateConnector";
const _CD = "CreatedDate";
const _CDE = "CacheDataEncrypted";
const _CDI = "CustomDataIdentifiers";
const _CDID = "CustomDataIdentifiersDetections";
const _CDIDL = "CustomDataIdentifiersDetectionsList";
const _CDIR = "CustomDataIdentifiersResult";
const _CDT = "CreationDateTime";
const _CDo = "CompletionDate";
const _CDon = "ContainerDefinitions";
const _CDonn = "ConnectionDraining";
const _CDonne = "ConnectionDirection";
const _CDont = "ContainerDetails";
const _CDr = "CreationDate";
const _CDre = "CreateDate";
const _CE = "ConflictException";
const _CECA = "CustomEndpointCertificateArn";
const _CEE = "CustomEndpointEnabled";
const _CEP = "CookieExpirationPeriod";
const _CEa = "CachingEnabled";
const _CEu = "CustomEndpoint";
const _CEus = "CustomEndpoints";
const _CF = "CompositeFilter";
const _CFA = "CreateFindingAggregator";
const _CFAR = "CreateFindingAggregatorRequest";
const _CFARr = "CreateFindingAggregatorResponse";
const _CFDC = "CloudFrontDefaultCertificate";
const _CFG = "ControlFindingGenerator";
const _CFL = "CompositeFilterList";
const _CFo = "CompositeFilters";
const _CGC = "CustomerGatewayConfiguration";
const _CGI = "CustomerGatewayId";
const _CGIa = "CarrierGatewayId";
const _CHC = "CompliantHighCount";
const _CHCs = "CspmHealthCheck";
const _CHZI = "CanonicalHostedZoneId";
const _CHZN = "CanonicalHostedZoneName";
const _CHZNID = "CanonicalHostedZoneNameID";
const _CI = "CanonicalId";
const _CIC = "CompliantInformationalCount";
const _CIR = "CreateInsightRequest";
const _CIRr = "CreateInsightResponse";
const _CIi = "CidrIp";
const _CIid = "CidrIpv6";
const _CIl = "ClientId";
const _CIlo = "CloudId";
const _CIlu = "ClusterInfo";
const _CIlus = "ClusterIdentifier";
const _CIo = "ConnectorId";
const _CIom = "ComponentId";
const _CIon = "ControlId";
const _CIr = "CreationInfo";
const _CIre = "CreateInsight";
const _CL = "CalculatedLifecycle";
const _CLBO = "ClientLoginBannerOptions";
const _CLC = "CompliantLowCount";
const _CLG = "CloudwatchLogGroup";
const _CLO = "ConnectionLogOptions";
const _CLS = "CloudwatchLogStream";
const _CLVI = "ClassicLinkVpcId";
const _CLVSG = "ClassicLinkVpcSecurityGroups";
const _CLl = "ClusterLogging";
const _CLv = "CvssList";
const _CM = "CpuManufacturers";
const _CMC = "CompliantMediumCount";
const _CMR = "CreateMembersRequest";
const _CMRr = "CreateMembersResponse";
const _CMr = "CreateMembers";
const _CN = "CompanyName";
const _CNA = "CoreNetworkArn";
const _CNi = "CityName";
const _CNl = "ClusterName";
const _CNlu = "ClusterNodes";
const _CNo = "ContainerName";
const _CNol = "ColumnName";
const _CNoo = "CookieName";
const _CNou = "CountryName";
const _CO = "ComparisonOperator";
const _COC = "CustomOriginConfig";
const _COo = "CompositeOperator";
const _COon = "ConfigurationOptions";
const _COp = "CpuOptions";
const _CP = "CredentialProvider";
const _CPA = "ConfigurationPolicyAssociations";
const _CPAI = "ConfigurationPolicyAssociationIdentifiers";
const _CPAL = "ConfigurationPolicyAssociationList";
const _CPALo = "ConfigurationPolicyAssociationsList";
const _CPAS = "ConfigurationPolicyAssociationSummary";
const _CPASL = "ConfigurationPolicyAssociationSummaryList";
const _CPASo = "ConfigurationPolicyAssociationSummaries";
const _CPAo = "ConfigurationPolicyAssociation";
const _CPC = "CspmProviderConfiguration";
const _CPD = "CspmProviderDetail";
const _CPG = "ClusterParameterGroups";
const _CPI = "ConfigurationPolicyId";
const _CPIo = "ConfigurationPolicyIdentifier";
const _CPK = "ClusterPublicKey";
const _CPS = "CapacityProviderStrategy";
const _CPSL = "ClusterParameterStatusList";
const _CPSLo = "ConfigurationPolicySummaryList";
const _CPSo = "ConfigurationPolicySummary";
const _CPSon = "ConfigurationPolicySummaries";
const _CPSs = "CspmProviderSummary";
const _CPUC = "CspmProviderUpdateConfiguration";
const _CPa = "CapacityProvider";
const _CPap = "CapacityProviders";
const _CPo = "ContainerPort";
const _CPon = "ContainerPath";
const _CPonf = "ConfigurationPolicy";
const _CPr = "CredentialsParameter";
const _CPu = "CustomizableProperties";
const _CR = "CapacityRebalance";
const _CRA = "CurrentRegionAvailability";
const _CRBK = "CustomResponseBodyKey";
const _CRCC = "ClientRootCertificateChain";
const _CRD = "CodeRepositoryDetails";
const _CRH = "CustomRequestHandling";
const _CRI = "CapacityReservationId";
const _CRN = "ClusterRevisionNumber";
const _CRP = "CapacityReservationPreference";
const _CRRGA = "CapacityReservationResourceGroupArn";
const _CRRIMBPS = "CurrentRestoreRateInMegaBytesPerSecond";
const _CRS = "CapacityReservationSpecification";
const _CRT = "CapacityReservationTarget";
const _CRe = "CellReference";
const _CRl = "ClassificationResult";
const _CRo = "CompatibleRuntimes";
const _CRod = "CodeRepository";
const _CRon = "ContainerRuntime";
const _CRu = "CustomResponse";
const _CS = "ComplianceStatus";
const _CSCI = "ComplianceSecurityControlId";
const _CSCPN = "ComplianceSecurityControlParametersName";
const _CSCPV = "ComplianceSecurityControlParametersValue";
const _CSCS = "ClusterSnapshotCopyStatus";
const _CSG = "ClusterSecurityGroups";
const _CSGN = "ClusterSecurityGroupName";
const _CSGNl = "ClusterSubnetGroupName";
const _CSI = "CustSubscriptionId";
const _CSIA = "CodeSecurityIntegrationArn";
const _CSL = "ConnectorSummaryList";
const _CSN = "CharacterSetName";
const _CSP = "CdcStartPosition";
const _CSPd = "CdcStopPosition";
const _CST = "CdcStartTime";
const _CSUA = "ControlStatusUpdatedAt";
const _CSa = "CanarySettings";
const _CSe = "CertificateSource";
const _CSl = "ClusterSettings";
const _CSla = "ClassificationStatus";
const _CSlu = "ClusterStatus";
const _CSo = "ConnectionSettings";
const _CSod = "CodeSha256";
const _CSode = "CodeSize";
const _CSom = "ComplianceSummary";
const _CSon = "ConnectorSummary";
const _CSonn = "ConnectorStatus";
const _CSont = "ControlStatus";
const _CSr = "CreditSpecification";
const _CT = "CreatedTime";
const _CTIS = "CacheTtlInSeconds";
const _CTLP = "CertificateTransparencyLoggingPreference";
const _CTTS = "CopyTagsToSnapshot";
const _CTV = "CreateTicketV2";
const _CTVR = "CreateTicketV2Request";
const _CTVRr = "CreateTicketV2Response";
const _CTa = "CallerType";
const _CTl = "ClientToken";
const _CTlo = "CloudTrail";
const _CTlu = "ClusterType";
const _CTo = "ContentType";
const _CTom = "ComplianceType";
const _CTomp = "ComponentType";
const _CTon = "ConfigurationType";
const _CTr = "CreationTime";
const _CTre = "CreateTime";
const _CU = "CredentialUid";
const _CUC = "CompliantUnspecifiedCount";
const _CV = "CurrentVersion";
const _CVEI = "ClientVpnEndpointId";
const _CVFP = "CodeVulnerabilitiesFilePath";
const _CVl = "ClusterVersion";
const _CVo = "CodeVulnerabilities";
const _CWEE = "CloudWatchEncryptionEnabled";
const _CWL = "CloudWatchLogs";
const _CWLGN = "CloudWatchLogGroupName";
const _CWLLG = "CloudWatchLogsLogGroup";
const _CWLLGA = "CloudWatchLogsLogGroupArn";
const _CWLLGACD = "CloudWatchLogsLogGroupArnConfigDetails";
const _CWLRA = "CloudWatchLogsRoleArn";
const _CWM = "CompletionWindowMinutes";
const _CWME = "CloudWatchMetricsEnabled";
const _CZLB = "CrossZoneLoadBalancing";
const _Ca = "Capabilities";
const _Can = "Cancellable";
const _Cap = "Capacity";
const _Capt = "Captcha";
const _Cat = "Category";
const _Cate = "Categories";
const _Ce = "Certificate";
const _Cel = "Cell";
const _Cell = "Cells";
const _Ci = "City";
const _Cid = "Cidr";
const _Cl = "Cluster";
const _Cn = "Cname";
const _Co = "Country";
const _Col = "Column";
const _Com = "Comment";
const _Comm = "Command";
const _Comp = "Compliance";
const _Compa = "Comparison";
const _Compan = "Company";
const _Con = "Confidence";
const _Cond = "Condition";
const _Conf = "Configuration";
const _Confi = "Configured";
const _Config = "Config";
const _Configu = "Configurations";
const _Conn = "Connectors";
const _Conne = "Connection";
const _Cont = "Containers";
const _Conta = "Container";
const _Contr = "Controls";
const _Cou = "Count";
const _Cp = "Cpu";
const _Cr = "Criteria";
const _Cre = "Credential";
const _Cri = "Criticality";
const _Crit = "Critical";
const _Cv = "Cvss";
const _Cw = "Cwes";
const _D = "Description";
const _DA = "DestinationArn";
const _DAD = "DeleteAfterDays";
const _DAI = "DaysAfterInitiation";
const _DARV = "DeleteAutomationRuleV2";
const _DARVR = "DeleteAutomationRuleV2Request";
const _DARVRe = "DeleteAutomationRuleV2Response";
const _DAS = "DisableApiStop";
const _DAT = "DisableApiTermination";
const _DATR = "DeleteActionTargetRequest";
const _DATRe = "DeleteActionTargetResponse";
const _DATRes = "DescribeActionTargetsRequest";
const _DATResc = "DescribeActionTargetsResponse";
const _DATe = "DeleteActionTarget";
const _DATes = "DescribeActionTargets";
const _DAV = "DeleteAggregatorV2";
const _DAVR = "DeleteAggregatorV2Request";
const _DAVRe = "DeleteAggregatorV2Response";
const _DAe = "DefaultAction";
const _DAel = "DeleteAt";
const _DBCI = "DBClusterIdentifier";
const _DBIC = "DBInstanceClass";
const _DBII = "DBInstanceIdentifier";
const _DBN = "DBName";
const _DBNe = "DestinationBucketName";
const _DBVA = "DestinationBackupVaultArn";
const _DC = "DeploymentConfiguration";
const _DCB = "DefaultCacheBehavior";
const _DCBe = "DestinationCidrBlock";
const _DCBep = "DeploymentCircuitBreaker";
const _DCD = "DataClassificationDetails";
const _DCI = "DbClusterIdentifier";
const _DCM = "DbClusterMembers";
const _DCO = "DoubleConfigurationOptions";
const _DCOGM = "DbClusterOptionGroupMemberships";
const _DCOGN = "DbClusterOptionGroupName";
const _DCP = "DeleteConfigurationPolicy";
const _DCPG = "DbClusterParameterGroup";
const _DCPGS = "DbClusterParameterGroupStatus";
const _DCPR = "DeleteConfigurationPolicyRequest";
const _DCPRe = "DeleteConfigurationPolicyResponse";
const _DCPS = "DefaultCapacityProviderStrategy";
const _DCR = "DefaultCodeRepository";
const _DCRI = "DbClusterResourceId";
const _DCRe = "DeleteConnectorRequest";
const _DCRel = "DeleteConnectorResponse";
const _DCSA = "DbClusterSnapshotAttributes";
const _DCSI = "DbClusterSnapshotIdentifier";
const _DCV = "DeleteConnectorV2";
const _DCVR = "DeleteConnectorV2Request";
const _DCVRe = "DeleteConnectorV2Response";
const _DCa = "DateCreated";
const _DCat = "DataClassification";
const _DCe = "DeploymentController";
const _DCel = "DeleteConnector";
const _DCes = "DesiredCount";
const _DD = "DomainDetails";
const _DDe = "DestinationDomain";
const _DE = "DomainEndpoint";
const _DEO = "DomainEndpointOptions";
const _DEo = "DomainEndpoints";
const _DF = "DateFilters";
const _DFA = "DefaultForAz";
const _DFAA = "DisassociateFromAdministratorAccount";
const _DFAAR = "DisassociateFromAdministratorAccountRequest";
const _DFAARi = "DisassociateFromAdministratorAccountResponse";
const _DFAR = "DeleteFindingAggregatorRequest";
const _DFARe = "DeleteFindingAggregatorResponse";
const _DFAe = "DeleteFindingAggregator";
const _DFL = "DateFilterList";
const _DFMA = "DisassociateFromMasterAccount";
const _DFMAR = "DisassociateFromMasterAccountRequest";
const _DFMARi = "DisassociateFromMasterAccountResponse";
const _DFa = "DateFilter";
const _DH = "DescribeHub";
const _DHR = "DescribeHubRequest";
const _DHRe = "DescribeHubResponse";
const _DI = "DeploymentId";
const _DIA = "DirectInternetAccess";
const _DIC = "DbInstanceClass";
const _DICB = "DestinationIpv6CidrBlock";
const _DIFFP = "DisableImportFindingsForProduct";
const _DIFFPR = "DisableImportFindingsForProductRequest";
const _DIFFPRi = "DisableImportFindingsForProductResponse";
const _DII = "DbInstanceIdentifier";
const _DIP = "DbInstancePort";
const _DIR = "DeclineInvitationsRequest";
const _DIRe = "DeclineInvitationsResponse";
const _DIRel = "DeleteInsightRequest";
const _DIRele = "DeleteInsightResponse";
const _DIRelet = "DeleteInvitationsRequest";
const _DIRelete = "DeleteInvitationsResponse";
const _DIS = "DbInstanceStatus";
const _DIV = "DestinationIpV4";
const _DIVe = "DestinationIpV6";
const _DIa = "DataId";
const _DIe = "DeviceIndex";
const _DIec = "DeclineInvitations";
const _DIel = "DeleteInsight";
const _DIele = "DeleteInvitations";
const _DIi = "DirectoryId";
const _DIo = "DomainId";
const _DIr = "DriftInformation";
const _DL = "DockerLabels";
const _DLC = "DeadLetterConfig";
const _DLTA = "DeadLetterTargetArn";
const _DLn = "DnsLogs";
const _DM = "DeploymentMode";
const _DMC = "DedicatedMasterCount";
const _DME = "DetailedMetricsEnabled";
const _DMET = "DeferMaintenanceEndTime";
const _DMEe = "DedicatedMasterEnabled";
const _DMI = "DeferMaintenanceIdentifier";
const _DMR = "DeleteMembersRequest";
const _DMRe = "DeleteMembersResponse";
const _DMRi = "DisassociateMembersRequest";
const _DMRis = "DisassociateMembersResponse";
const _DMST = "DeferMaintenanceStartTime";
const _DMT = "DedicatedMasterType";
const _DMW = "DeferredMaintenanceWindows";
const _DMe = "DeleteMembers";
const _DMi = "DisassociateMembers";
const _DMo = "DomainMemberships";
const _DN = "DeviceName";
const _DNSN = "DNSName";
const _DNa = "DatabaseName";
const _DNi = "DisableNetworking";
const _DNn = "DnsName";
const _DNo = "DomainName";
const _DO = "DependsOn";
const _DOAA = "DisableOrganizationAdminAccount";
const _DOAAR = "DisableOrganizationAdminAccountRequest";
const _DOAARi = "DisableOrganizationAdminAccountResponse";
const _DOC = "DescribeOrganizationConfiguration";
const _DOCR = "DescribeOrganizationConfigurationRequest";
const _DOCRe = "DescribeOrganizationConfigurationResponse";
const _DOI = "DhcpOptionsId";
const _DOT = "DeleteOnTermination";
const _DOW = "DayOfWeek";
const _DOr = "DriverOpts";
const _DP = "DeleteProtection";
const _DPE = "DeletionProtectionEnabled";
const _DPG = "DbParameterGroups";
const _DPGN = "DbParameterGroupName";
const _DPLI = "DestinationPrefixListId";
const _DPR = "DescribeProductsRequest";
const _DPRe = "DescribeProductsResponse";
const _DPV = "DescribeProductsV2";
const _DPVR = "DescribeProductsV2Request";
const _DPVRe = "DescribeProductsV2Response";
const _DPe = "DeletionProtection";
const _DPes = "DestinationPort";
const _DPesc = "DescribeProducts";
const _DPest = "DestinationPorts";
const _DR = "DisableRollback";
const _DRA = "DnsRequestAction";
const _DRI = "DbiResourceId";
const _DRL = "DetailedResultsLocation";
const _DRO = "DefaultRootObject";
const _DRS = "DefaultRouteSettings";
const _DRTA = "DefaultRouteTableAssociation";
const _DRTP = "DefaultRouteTablePropagation";
const _DRa = "DateRange";
const _DRe = "DestinationRegion";
const _DRef = "DefaultRetention";
const _DRi = "DisabledReason";
const _DS = "DnsServer";
const _DSC = "DescribeStandardsControls";
const _DSCI = "DisabledSecurityControlIdentifiers";
const _DSCR = "DescribeStandardsControlsRequest";
const _DSCRe = "DescribeStandardsControlsResponse";
const _DSD = "DnsSearchDomains";
const _DSG = "DbSubnetGroup";
const _DSGA = "DbSecurityGroupArn";
const _DSGAb = "DbSubnetGroupArn";
const _DSGD = "DbSecurityGroupDescription";
const _DSGDb = "DbSubnetGroupDescription";
const _DSGN = "DbSubnetGroupName";
const _DSGNb = "DbSecurityGroupName";
const _DSGb = "DbSecurityGroups";
const _DSH = "DisableSecurityHub";
const _DSHFV = "DisableSecurityHubFeatureV2";
const _DSHFVR = "DisableSecurityHubFeatureV2Request";
const _DSHFVRi = "DisableSecurityHubFeatureV2Response";
const _DSHR = "DisableSecurityHubRequest";
const _DSHRi = "DisableSecurityHubResponse";
const _DSHV = "DescribeSecurityHubV2";
const _DSHVR = "DescribeSecurityHubV2Request";
const _DSHVRe = "DescribeSecurityHubV2Response";
const _DSHVRi = "DisableSecurityHubV2Request";
const _DSHVRis = "DisableSecurityHubV2Response";
const _DSHVi = "DisableSecurityHubV2";
const _DSI = "DbSnapshotIdentifier";
const _DSO = "DockerSecurityOptions";
const _DSR = "DescribeStandardsRequest";
const _DSRe = "DescribeStandardsResponse";
const _DSa = "DataSources";
const _DSe = "DescribeStandards";
const _DSn = "DnsSupport";
const _DSns = "DnsServers";
const _DT = "DeviceType";
const _DTA = "DatapointsToAlarm";
const _DTE = "DataTraceEnabled";
const _DTS = "DpdTimeoutSeconds";
const _DTi = "DiscoveryType";
const _DU = "DateUpdated";
const _DV = "DocumentationVersion";
const _DVC = "DockerVolumeConfiguration";
const _DVI = "DefaultVersionId";
const _DVKMSKI = "DataVolumeKMSKeyId";
const _DVN = "DefaultVersionNumber";
const _DVO = "DomainValidationOptions";
const _DVe = "DefaultValue";
const _Da = "Days";
const _Dat = "Date";
const _De = "Devices";
const _Def = "Definition";
const _Del = "Deleted";
const _Des = "Destination";
const _Dest = "Destinations";
const _Det = "Detection";
const _Deta = "Details";
const _Dete = "Detections";
const _Di = "Dimensions";
const _Dir = "Direction";
const _Do = "Domain";
const _Dou = "Double";
const _Dr = "Drop";
const _Dri = "Driver";
const _E = "Email";
const _EA = "EvaluatedAt";
const _EAR = "EncryptionAtRest";
const _EARO = "EncryptionAtRestOptions";
const _EAn = "EndpointArn";
const _EAnv = "EnvironmentArn";
const _EAx = "ExpiresAt";
const _EAxp = "ExploitAvailable";
const _EB = "EventBuses";
const _EBA = "EventBusArn";
const _EBD = "EnabledByDefault";
const _EC = "EndpointConfiguration";
const _ECA = "ExtraConnectionAttributes";
const _ECB = "EnableContinuousBackup";
const _ECC = "ExecuteCommandConfiguration";
const _ECCl = "ElasticsearchClusterConfig";
const _ECL = "EventCategoriesList";
const _ECO = "EnumConfigurationOptions";
const _ECWLE = "EnabledCloudWatchLogsExports";
const _ECn = "EncryptionConfiguration";
const _ECr = "ErrorCode";
const _ED = "EncryptionDisabled";
const _EDS = "EnableDefaultStandards";
const _EDr = "ErrorDocument";
const _EDx = "ExpirationDate";
const _EDxp = "ExpressionDescription";
const _EEC = "EnableExecuteCommand";
const _EEMT = "EnableEcsManagedTags";
const _EF = "EnvironmentFiles";
const _EGSS = "ElasticGpuSpecificationSet";
const _EH = "ExposeHeaders";
const _EHTTPS = "EnforceHTTPS";
const _EHx = "ExtraHosts";
const _EI = "EndpointIdentifier";
const _EIAS = "ElasticInferenceAcceleratorSet";
const _EIC = "ExternalIntegrationConfiguration";
const _EID = "ExpirationInDays";
const _EIFFP = "EnableImportFindingsForProduct";
const _EIFFPR = "EnableImportFindingsForProductRequest";
const _EIFFPRn = "EnableImportFindingsForProductResponse";
const _EIS = "ElasticIpStatus";
const _EIT = "ExcludedInstanceTypes";
const _EITn = "EncryptionInTransit";
const _EIl = "ElasticIp";
const _EIm = "EmitInterval";
const _EIn = "EnvironmentId";
const _EInc = "EncryptionInfo";
const _EInd = "EndpointId";
const _EIndp = "EndpointIds";
const _EIx = "ExternalId";
const _EK = "EncryptionKey";
const _EKA = "EncryptionKeyArn";
const _EKU = "ExtendedKeyUsages";
const _EL = "EnvironmentLinks";
const _ELCO = "EnumListConfigurationOptions";
const _ELSCP = "EvaluateLowSampleCountPercentile";
const _ELn = "EndLine";
const _ELnu = "EnumList";
const _EM = "EnhancedMonitoring";
const _EMRA = "EnhancedMonitoringResourceArn";
const _EMn = "EngineMode";
const _EMr = "ErrorMessage";
const _EN = "EngineName";
const _ENSST = "ExpectedNextSnapshotScheduleTime";
const _ENSSTS = "ExpectedNextSnapshotScheduleTimeStatus";
const _ENn = "EnvironmentName";
const _EO = "EncryptionOptions";
const _EOAA = "EnableOrganizationAdminAccount";
const _EOAAR = "EnableOrganizationAdminAccountRequest";
const _EOAARn = "EnableOrganizationAdminAccountResponse";
const _EODM = "ExpiredObjectDeleteMarker";
const _EOIGI = "EgressOnlyInternetGatewayId";
const _EOb = "EbsOptimized";
const _EOn = "EncryptionOption";
const _EOnc = "EnclaveOptions";
const _EP = "EvaluationPeriods";
const _EPA = "EndpointPublicAccess";
const _EPI = "ExistingPolicyId";
const _EPn = "EntryPoint";
const _EPx = "ExistingPolicy";
const _ER = "ExcludedRules";
const _ERA = "ExecutionRoleArn";
const _ERNDAAAAR = "EnableResourceNameDnsAAAARecord";
const _ERNDAR = "EnableResourceNameDnsARecord";
const _ERNONO = "ElasticResizeNumberOfNodeOptions";
const _ERr = "ErrorReason";
const _ES = "ExtendedStatistic";
const _ESA = "EventSubscriptionArn";
const _ESCI = "EnabledSecurityControlIdentifiers";
const _ESG = "Ec2SecurityGroups";
const _ESGI = "Ec2SecurityGroupId";
const _ESGN = "Ec2SecurityGroupName";
const _ESGOI = "Ec2SecurityGroupOwnerId";
const _ESH = "EnableSecurityHub";
const _ESHFV = "EnableSecurityHubFeatureV2";
const _ESHFVR = "EnableSecurityHubFeatureV2Request";
const _ESHFVRn = "EnableSecurityHubFeatureV2Response";
const _ESHR = "EnableSecurityHubRequest";
const _ESHRn = "EnableSecurityHubResponse";
const _ESHV = "EnableSecurityHubV2";
const _ESHVR = "EnableSecurityHubV2Request";
const _ESHVRn = "EnableSecurityHubV2Response";
const _ESI = "EnabledStandardIdentifiers";
const _ESR = "EnablementStatusReason";
const _ESn = "EnablementStatus";
const _ESp = "EpssScore";
const _ET = "EngineType";
const _ETIS = "ElapsedTimeInSeconds";
const _ETP = "EnableTerminationProtection";
const _ETTCIS = "EstimatedTimeToCompletionInSeconds";
const _ETa = "ETag";
const _ETn = "EndpointType";
const _ETnc = "EncryptionType";
const _ETnd = "EndTime";
const _ETx = "ExpirationTime";
const _ETxe = "ExecutionType";
const _EU = "EndpointUrl";
const _EV = "EngineVersion";
const _EVC = "ExcludeVerboseContent";
const _EVCf = "EfsVolumeConfiguration";
const _EVR = "EnhancedVpcRouting";
const _EVb = "EbsVolumes";
const _EVl = "ElasticsearchVersion";
const _EVn = "EnvironmentVariables";
const _Eb = "Ebs";
const _Eg = "Egress";
const _En = "Encrypted";
const _Ena = "Enabled";
const _Enab = "Enable";
const _End = "Endpoint";
const _End_ = "End";
const _Endp = "Endpoints";
const _Eng = "Engine";
const _Ent = "Entries";
const _Enu = "Enum";
const _Env = "Environment";
const _Ep = "Epoch";
const _Eq = "Eq";
const _Er = "Error";
const _Es = "Essential";
const _Ev = "Events";
const _Ex = "Expression";
const _F = "Format";
const _FA = "FederatedAuthentication";
const _FAA = "FindingAggregatorArn";
const _FAL = "FindingAggregatorList";
const _FAR = "FindingAggregationRegion";
const _FAi = "FirewallArn";
const _FAin = "FindingAggregator";
const _FAind = "FindingAggregators";
const _FAix = "FixAvailable";
const _FC = "FailoverCriteria";
const _FCa = "FailoverConfig";
const _FCai = "FailedCount";
const _FCi = "FirelensConfiguration";
const _FCin = "FindingCreated";
const _FD = "FeatureDetail";
const _FF = "FailedFindings";
const _FFFRA = "FirehoseFailureFeedbackRoleArn";
const _FFU = "FindingFieldsUpdate";
const _FHR = "FindingHistoryRecord";
const _FHRL = "FindingHistoryRecordList";
const _FHU = "FindingHistoryUpdate";
const _FHUL = "FindingHistoryUpdatesList";
const _FHUS = "FindingHistoryUpdateSource";
const _FI = "FilesystemId";
const _FIU = "FindingInfoUid";
const _FIV = "FixedInVersion";
const _FIi = "FirewallId";
const _FIin = "FindingIdentifiers";
const _FIind = "FindingIdentifier";
const _FL = "FlowLogs";
const _FLL = "FieldLogLevel";
const _FMU = "FindingMetadataUid";
const _FN = "FunctionName";
const _FNe = "FeatureName";
const _FNi = "FirewallName";
const _FNie = "FieldName";
const _FNil = "FileName";
const _FOA = "FirstObservedAt";
const _FP = "FromPort";
const _FPA = "FirewallPolicyArn";
const _FPCP = "FirewallPolicyChangeProtection";
const _FPD = "FirewallPolicyDetails";
const _FPF = "FindingPublishingFrequency";
const _FPFC = "FindingProviderFieldsConfidence";
const _FPFCi = "FindingProviderFieldsCriticality";
const _FPFRFI = "FindingProviderFieldsRelatedFindingsId";
const _FPFRFPA = "FindingProviderFieldsRelatedFindingsProductArn";
const _FPFSL = "FindingProviderFieldsSeverityLabel";
const _FPFSO = "FindingProviderFieldsSeverityOriginal";
const _FPFT = "FindingProviderFieldsTypes";
const _FPFi = "FindingProviderFields";
const _FPI = "FirewallPolicyId";
const _FPL = "FilePathList";
const _FPN = "FirewallPolicyName";
const _FPS = "FindingProviderSeverity";
const _FPSCAD = "FirewallPolicyStatelessCustomActionsDetails";
const _FPSCAL = "FirewallPolicyStatelessCustomActionsList";
const _FPSRGRD = "FirewallPolicyStatefulRuleGroupReferencesDetails";
const _FPSRGRDi = "FirewallPolicyStatelessRuleGroupReferencesDetails";
const _FPSRGRL = "FirewallPolicyStatefulRuleGroupReferencesList";
const _FPSRGRLi = "FirewallPolicyStatelessRuleGroupReferencesList";
const _FPi = "FirewallPolicy";
const _FPil = "FilePath";
const _FPile = "FilePaths";
const _FR = "FailureReason";
const _FRi = "FilterRules";
const _FS = "FirstSeen";
const _FSA = "FirstSeenAt";
const _FSFRA = "FirehoseSuccessFeedbackRoleArn";
const _FSI = "FileSystemId";
const _FSe = "FeatureStatus";
const _FSi = "FindingScopes";
const _FSin = "FindingsSummary";
const _FT = "FeatureType";
const _FTCF = "FindingsTrendsCompositeFilter";
const _FTCFL = "FindingsTrendsCompositeFilterList";
const _FTF = "FindingsTrendsFilters";
const _FTS = "FreeTrialStatuses";
const _FTSF = "FindingsTrendsStringFilter";
const _FTSFL = "FindingsTrendsStringFilterList";
const _FTSL = "FreeTrialStatusList";
const _FTSr = "FreeTrialStatus";
const _FTi = "FindingType";
const _FV = "FieldValue";
const _Fa = "Family";
const _Fat = "Fatal";
const _Fe = "Features";
const _Fea = "Feature";
const _Fi = "Field";
const _Fil = "Filter";
const _Filt = "Filters";
const _Fin = "Findings";
const _Fl = "Flags";
const _Fq = "Fqdn";
const _Fr = "From";
const _G = "General";
const _GAA = "GetAdministratorAccount";
const _GAAR = "GetAdministratorAccountRequest";
const _GAARe = "GetAdministratorAccountResponse";
const _GARV = "GetAutomationRuleV2";
const _GARVR = "GetAutomationRuleV2Request";
const _GARVRe = "GetAutomationRuleV2Response";
const _GAV = "GetAggregatorV2";
const _GAVR = "GetAggregatorV2Request";
const _GAVRe = "GetAggregatorV2Response";
const _GBA = "GroupByAttribute";
const _GBAV = "GroupByAttributeValue";
const _GBF = "GroupByField";
const _GBR = "GroupByRules";
const _GBRr = "GroupByResults";
const _GBRro = "GroupByResult";
const _GBRrou = "GroupByRule";
const _GBV = "GroupByValues";
const _GBVr = "GroupByValue";
const _GC = "GetConnector";
const _GCD = "GitCloneDepth";
const _GCP = "GetConfigurationPolicy";
const _GCPA = "GetConfigurationPolicyAssociation";
const _GCPAR = "GetConfigurationPolicyAssociationRequest";
const _GCPARe = "GetConfigurationPolicyAssociationResponse";
const _GCPR = "GetConfigurationPolicyRequest";
const _GCPRe = "GetConfigurationPolicyResponse";
const _GCR = "GetConnectorRequest";
const _GCRe = "GetConnectorResponse";
const _GCV = "GetConnectorV2";
const _GCVR = "GetConnectorV2Request";
const _GCVRe = "GetConnectorV2Response";
const _GD = "GeneratorDetails";
const _GES = "GetEnabledStandards";
const _GESR = "GetEnabledStandardsRequest";
const _GESRe = "GetEnabledStandardsResponse";
const _GF = "GetFindings";
const _GFA = "GetFindingAggregator";
const _GFAR = "GetFindingAggregatorRequest";
const _GFARe = "GetFindingAggregatorResponse";
const _GFH = "GetFindingHistory";
const _GFHR = "GetFindingHistoryRequest";
const _GFHRe = "GetFindingHistoryResponse";
const _GFR = "GetFindingsRequest";
const _GFRe = "GetFindingsResponse";
const _GFSV = "GetFindingStatisticsV2";
const _GFSVR = "GetFindingStatisticsV2Request";
const _GFSVRe = "GetFindingStatisticsV2Response";
const _GFTV = "GetFindingsTrendsV2";
const _GFTVR = "GetFindingsTrendsV2Request";
const _GFTVRe = "GetFindingsTrendsV2Response";
const _GFV = "GetFindingsV2";
const _GFVR = "GetFindingsV2Request";
const _GFVRe = "GetFindingsV2Response";
const _GI = "GatewayId";
const _GIC = "GetInvitationsCount";
const _GICR = "GetInvitationsCountRequest";
const _GICRe = "GetInvitationsCountResponse";
const _GIR = "GetInsightsRequest";
const _GIRR = "GetInsightResultsRequest";
const _GIRRe = "GetInsightResultsResponse";
const _GIRe = "GetInsightsResponse";
const _GIRet = "GetInsightResults";
const _GIe = "GeneratorId";
const _GIet = "GetInsights";
const _GIr = "GroupId";
const _GL = "GeoLocation";
const _GLBA = "GatewayLoadBalancerArns";
const _GLG = "GeneralLogGroup";
const _GLr = "GroupList";
const _GM = "GetMembers";
const _GMA = "GetMasterAccount";
const _GMAR = "GetMasterAccountRequest";
const _GMARe = "GetMasterAccountResponse";
const _GMR = "GetMembersRequest";
const _GMRe = "GetMembersResponse";
const _GN = "GroupName";
const _GPL = "GroupPolicyList";
const _GRPV = "GenerateRecommendedPolicyV2";
const _GRPVR = "GenerateRecommendedPolicyV2Request";
const _GRPVRe = "GenerateRecommendedPolicyV2Response";
const _GRPVRet = "GetRecommendedPolicyV2Request";
const _GRPVRete = "GetRecommendedPolicyV2Response";
const _GRPVe = "GetRecommendedPolicyV2";
const _GRSV = "GetResourcesStatisticsV2";
const _GRSVR = "GetResourcesStatisticsV2Request";
const _GRSVRe = "GetResourcesStatisticsV2Response";
const _GRT = "GeneratedRulesType";
const _GRTV = "GetResourcesTrendsV2";
const _GRTVR = "GetResourcesTrendsV2Request";
const _GRTVRe = "GetResourcesTrendsV2Response";
const _GRV = "GetResourcesV2";
const _GRVR = "GetResourcesV2Request";
const _GRVRe = "GetResourcesV2Response";
const _GSCD = "GetSecurityControlDefinition";
const _GSCDR = "GetSecurityControlDefinitionRequest";
const _GSCDRe = "GetSecurityControlDefinitionResponse";
const _GSI = "GlobalSecondaryIndexes";
const _GTV = "GlobalTableVersion";
const _Gi = "Gid";
const _Gr = "Groups";
const _Gra = "Granularity";
const _Gro = "Group";
const _Gt = "Gte";
const _Gt_ = "Gt";
const _H = "Hosts";
const _HA = "HubArn";
const _HC = "HealthCheck";
const _HCCI = "HsmClientCertificateIdentifier";
const _HCES = "HasCustomEventSelectors";
const _HCGP = "HealthCheckGracePeriod";
const _HCGPS = "HealthCheckGracePeriodSeconds";
const _HCI = "HsmConfigurationIdentifier";
const _HCT = "HealthCheckType";
const _HE = "HttpEndpoint";
const _HECRE = "HttpErrorCodeReturnedEquals";
const _HEE = "HttpEndpointEnabled";
const _HFFRA = "HttpFailureFeedbackRoleArn";
const _HI = "HostId";
const _HIL = "HealthIssueList";
const _HIT = "HostInstanceType";
const _HIe = "HealthIssue";
const _HL = "HardLimit";
const _HM = "HttpMethod";
const _HO = "HibernationOptions";
const _HP = "HttpPort";
const _HPI = "HttpProtocolIpv6";
const _HPRHL = "HttpPutResponseHopLimit";
const _HPo = "HostPath";
const _HPos = "HostPort";
const _HPt = "HttpsPort";
const _HR = "HomeRegion";
const _HRC = "HttpRedirectCode";
const _HRG = "HostResourceGuid";
const _HRGA = "HostResourceGroupArn";
const _HRT = "HostResourceType";
const _HS = "HsmStatus";
const _HSFRA = "HttpSuccessFeedbackRoleArn";
const _HT = "HttpTokens";
const _HTe = "HealthyThreshold";
const _HTo = "HostnameType";
const _HVA = "HubV2Arn";
const _HZ = "HostedZone";
const _HZI = "HostedZoneId";
const _Ha = "Handler";
const _Has = "Hash";
const _He = "Health";
const _Hea = "Header";
const _Hi = "High";
const _Ho = "Hostname";
const _Hos = "Host";
const _I = "Id";
const _IA = "ImportedAt";
const _IAC = "Ipv6AddressCount";
const _IAE = "InvalidAccessException";
const _IAMDAE = "IAMDatabaseAuthenticationEnabled";
const _IAT = "IpAddressType";
const _IAV = "IpAddressV4";
const _IAn = "IndexArn";
const _IAnf = "InferenceAccelerators";
const _IAns = "InsightArn";
const _IAnsi = "InsightArns";
const _IAnv = "InvitedAt";
const _IAp = "Ipv6Addresses";
const _IApd = "IpAddress";
const _IApv = "Ipv6Address";
const _IAs = "IssuedAt";
const _IAst = "IsAttachable";
const _IC = "IncludeCookies";
const _ICB = "Ipv6CidrBlock";
const _ICBA = "Ipv6CidrBlockAssociation";
const _ICBAL = "Ipv6CidrBlockAssociationList";
const _ICBAS = "Ipv6CidrBlockAssociationSet";
const _ICBS = "Ipv6CidrBlockSet";
const _ICI = "IamCertificateId";
const _ICO = "IntegerConfigurationOptions";
const _ICT = "InstanceCreateTime";
const _ICW = "IsClusterWriter";
const _ICn = "InstanceCount";
const _ICnl = "InCluster";
const _ICns = "InstalledCount";
const _ICnv = "InvitationsCount";
const _ICt = "ItemCount";
const _ID = "InstancesDistribution";
const _IDA = "InsufficientDataActions";
const _IDAE = "IamDatabaseAuthenticationEnabled";
const _IDS = "IndexDocumentSuffix";
const _IDV = "IsDefaultVersion";
const _ID_ = "ID";
const _IDm = "ImageDigest";
const _IDs = "IsDefault";
const _IE = "InternalException";
const _IED = "IncludeExecutionData";
const _IEDT = "InaccessibleEncryptionDateTime";
const _IEs = "IsEncrypted";
const _IF = "IpFilters";
const _IFE = "ImportFindingsError";
const _IFEL = "ImportFindingsErrorList";
const _IFL = "IpFilterList";
const _IFp = "IpFilter";
const _IG = "InstanceGenerations";
const _IGSE = "IncludeGlobalServiceEvents";
const _IH = "InsertHeaders";
const _II = "InvitationId";
const _IIB = "InstanceInterruptionBehavior";
const _IIE = "InvalidInputException";
const _IIP = "IamInstanceProfile";
const _IIPA = "IamInstanceProfileArn";
const _IISB = "InstanceInitiatedShutdownBehavior";
const _IIm = "ImageId";
const _IIn = "InstanceId";
const _IL = "IndicatorsList";
const _ILCO = "IntegerListConfigurationOptions";
const _ILn = "InsightList";
const _ILnt = "IntegerList";
const _ILnv = "InvitationList";
const _IM = "InstanceMonitoring";
const _IMDE = "IsMfaDeleteEnabled";
const _IMO = "InstanceMarketOptions";
const _IMR = "InviteMembersRequest";
const _IMRT = "IsMultiRegionTrail";
const _IMRn = "InviteMembersResponse";
const _IMSC = "InstanceMetadataServiceConfiguration";
const _IMT = "InstanceMetadataTags";
const _IMn = "InviteMembers";
const _IMp = "IpcMode";
const _IN = "IndexName";
const _INm = "ImageName";
const _INn = "InstanceName";
const _IOC = "InstalledOtherCount";
const _IOD = "IpOrganizationDetails";
const _IOI = "InstanceOwnerId";
const _IOT = "IsOrganizationTrail";
const _IP = "Ipv4Prefixes";
const _IPA = "ImagePublishedAt";
const _IPAg = "IgnorePublicAcls";
const _IPC = "Ipv4PrefixCount";
const _IPCT = "ImagePullCredentialsType";
const _IPCp = "Ipv6PrefixCount";
const _IPE = "IpPermissionsEgress";
const _IPEn = "InitProcessEnabled";
const _IPI = "InstanceProfileId";
const _IPL = "InstanceProfileList";
const _IPN = "InstanceProfileName";
const _IPR = "InstalledPendingReboot";
const _IPn = "InstancePort";
const _IPns = "InstanceProtocol";
const _IPp = "Ipv6Prefixes";
const _IPpe = "IpPermissions";
const _IPpr = "IpProtocol";
const _IPpv = "Ipv4Prefix";
const _IPpvr = "Ipv6Prefix";
const _IR = "InstanceRequirements";
const _IRA = "IamRoleArn";
const _IRC = "InstalledRejectedCount";
const _IRN = "IamRoleName";
const _IRV = "InsightResultValue";
const _IRVL = "InsightResultValueList";
const _IRa = "IamRoles";
const _IRn = "InsightResults";
const _IRp = "IpRanges";
const _IRpv = "Ipv6Ranges";
const _IS = "InsecureSsl";
const _ISB = "IndexSizeBytes";
const _ISC = "ImageScanningConfiguration";
const _ISE = "InternalServerException";
const _ISL = "IndexSlowLogs";
const _ISn = "IndexStatus";
const _ISp = "IpSets";
const _IT = "IsTerminal";
const _ITC = "IcmpTypeCode";
const _ITL = "IatTtL";
const _ITM = "ImageTagMutability";
const _ITP = "ImmunityTimeProperty";
const _ITd = "IdleTimeout";
const _ITm = "ImageTags";
const _ITmm = "ImmunityTime";
const _ITn = "InstanceType";
const _ITnt = "InterfaceType";
const _ITnte = "IntegrationTypes";
const _IUB = "InUseBy";
const _IUDE = "InternalUserDatabaseEnabled";
const _IV = "IkeVersions";
const _IVA = "IpV4Addresses";
const _IVAp = "IpV6Addresses";
const _IVApd = "IpV6Address";
const _IVE = "IdentityValidationExpression";
const _IVT = "IntegrationV2Types";
const _Ia = "Iam";
const _Id = "Identifier";
const _Ide = "Identity";
const _Im = "Image";
const _In = "Interactive";
const _Ind = "Indicator";
const _Inf = "Informational";
const _Ing = "Ingress";
const _Ins = "Instances";
const _Insi = "Insights";
const _Insig = "Insight";
const _Int = "Interval";
const _Inte = "Integer";
const _Inv = "Invitation";
const _Invi = "Invitations";
const _Io = "Iops";
const _Ip = "Ip";
const _Is = "Issuer";
const _Isp = "Isp";
const _Iss = "Issues";
const _It = "Items";
const _JC = "JiraCloud";
const _JCD = "JiraCloudDetail";
const _JCPC = "JiraCloudProviderConfiguration";
const _JCUC = "JiraCloudUpdateConfiguration";
const _JP = "JsonPath";
const _K = "Key";
const _KA = "KeyAlgorithm";
const _KDKRPS = "KmsDataKeyReusePeriodSeconds";
const _KF = "KeywordFilter";
const _KFL = "KeywordFilterList";
const _KI = "KernelId";
const _KIe = "KeyId";
const _KK = "KmsKey";
const _KKA = "KmsKeyArn";
const _KKI = "KmsKeyId";
const _KM = "KeyManager";
const _KMKA = "KmsMasterKeyArn";
const _KMKI = "KmsMasterKeyId";
const _KMSMKID = "KMSMasterKeyID";
const _KN = "KeyName";
const _KPE = "KeyPrefixEquals";
const _KRS = "KeyRotationStatus";
const _KS = "KeySchema";
const _KSe = "KeyState";
const _KT = "KeyType";
const _KU = "KeyUsages";
const _Ke = "Keyword";
const _Ku = "Kubernetes";
const _L = "Logs";
const _LA = "LaunchedAt";
const _LAC = "LambdaAuthorizerConfig";
const _LAR = "ListAutomationRules";
const _LARR = "ListAutomationRulesRequest";
const _LARRi = "ListAutomationRulesResponse";
const _LARV = "ListAutomationRulesV2";
const _LARVR = "ListAutomationRulesV2Request";
const _LARVRi = "ListAutomationRulesV2Response";
const _LAV = "ListAggregatorsV2";
const _LAVR = "ListAggregatorsV2Request";
const _LAVRi = "ListAggregatorsV2Response";
const _LB = "LoadBalancers";
const _LBA = "LoadBalancerAttributes";
const _LBN = "LoadBalancerNames";
const _LBNo = "LoadBalancerName";
const _LBP = "LoadBalancerPort";
const _LBS = "LoadBalancerState";
const _LC = "LogConfig";
const _LCA = "LicenseConfigurationArn";
const _LCAa = "LastCheckedAt";
const _LCN = "LaunchConfigurationName";
const _LCP = "ListConfigurationPolicies";
const _LCPA = "ListConfigurationPolicyAssociations";
const _LCPAR = "ListConfigurationPolicyAssociationsRequest";
const _LCPARi = "ListConfigurationPolicyAssociationsResponse";
const _LCPR = "ListConfigurationPoliciesRequest";
const _LCPRi = "ListConfigurationPoliciesResponse";
const _LCR = "ListConnectorsRequest";
const _LCRi = "ListConnectorsResponse";
const _LCSP = "LbCookieStickinessPolicies";
const _LCV = "ListConnectorsV2";
const _LCVR = "ListConnectorsV2Request";
const _LCVRi = "ListConnectorsV2Response";
const _LCi = "ListConnectors";
const _LCo = "LogsConfig";
const _LCog = "LogConfiguration";
const _LCogg = "LoggingConfiguration";
const _LD = "LogDriver";
const _LDDT = "LastDecreaseDateTime";
const _LDSM = "LastDeploymentStatusMessage";
const _LDi = "ListenerDescriptions";
const _LE = "ListenerEndpoint";
const _LEE = "LimitExceededException";
const _LEPFI = "ListEnabledProductsForImport";
const _LEPFIR = "ListEnabledProductsForImportRequest";
const _LEPFIRi = "ListEnabledProductsForImportResponse";
const _LEo = "LoggingEnabled";
const _LFA = "LambdaFunctionArn";
const _LFAR = "ListFindingAggregatorsRequest";
const _LFARi = "ListFindingAggregatorsResponse";
const _LFAi = "ListFindingAggregators";
const _LFM = "LastFailureMessage";
const _LFP = "LogFilePrefix";
const _LFT = "LastFailureTime";
const _LFTSV = "ListFreeTrialStatusesV2";
const _LFTSVR = "ListFreeTrialStatusesV2Request";
const _LFTSVRi = "ListFreeTrialStatusesV2Response";
const _LFVE = "LogFileValidationEnabled";
const _LGA = "LogGroupArn";
const _LGI = "LocalGatewayId";
const _LI = "ListInvitations";
const _LID = "LocalIpDetails";
const _LIDT = "LastIncreaseDateTime";
const _LIR = "ListInvitationsRequest";
const _LIRi = "ListInvitationsResponse";
const _LKEA = "LastKnownExploitAt";
const _LL = "LoggingLevel";
const _LM = "LastModified";
const _LMR = "ListMembersRequest";
const _LMRi = "ListMembersResponse";
const _LMT = "LastModifiedTime";
const _LMi = "LicenseModel";
const _LMis = "ListMembers";
const _LN = "LinkName";
const _LOA = "LastObservedAt";
const _LOAA = "ListOrganizationAdminAccounts";
const _LOAAR = "ListOrganizationAdminAccountsRequest";
const _LOAARi = "ListOrganizationAdminAccountsResponse";
const _LP = "LifecyclePolicy";
const _LPD = "LocalPortDetails";
const _LPO = "LogPublishingOptions";
const _LPT = "LifecyclePolicyText";
const _LPi = "LinuxParameters";
const _LR = "LinkedRegions";
const _LRT = "LastRestoreTime";
const _LRTa = "LatestRestorableTime";
const _LRi = "LineRanges";
const _LRin = "LineRange";
const _LS = "LastSeen";
const _LSA = "LatestStreamArn";
const _LSAa = "LastSeenAt";
const _LSC = "LastStatusChange";
const _LSCA = "ListStandardsControlAssociations";
const _LSCAR = "ListStandardsControlAssociationsRequest";
const _LSCARi = "ListStandardsControlAssociationsResponse";
const _LSCD = "ListSecurityControlDefinitions";
const _LSCDR = "ListSecurityControlDefinitionsRequest";
const _LSCDRi = "ListSecurityControlDefinitionsResponse";
const _LSDT = "LastSuccessfulDeliveryTime";
const _LSI = "LocalSecondaryIndexes";
const _LSL = "LatestStreamLabel";
const _LSM = "LdapServerMetadata";
const _LST = "LocalStorageTypes";
const _LSi = "LicenseSet";
const _LSo = "LocalStorage";
const _LSog = "LoggingStatus";
const _LT = "LaunchTemplate";
const _LTD = "LaunchTemplateData";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _LTI = "LaunchTemplateId";
const _LTN = "LaunchTemplateName";
const _LTS = "LaunchTemplateSpecification";
const _LTTD = "LogTypesToDisable";
const _LTTE = "LogTypesToEnable";
const _LTa = "LaunchType";
const _LUA = "LastUpdatedAt";
const _LUD = "LastUpdatedDate";
const _LUR = "LastUpdateReason";
const _LUT = "LastUpdatedTime";
const _LUTPPRDT = "LastUpdateToPayPerRequestDateTime";
const _LVN = "LatestVersionNumber";
const _La = "Labels";
const _Lab = "Label";
const _Lat = "Lat";
const _Lay = "Layers";
const _Le = "Level";
const _Li = "Lifecycle";
const _Lin = "Links";
const _Lis = "Listener";
const _Lo = "Logging";
const _Loc = "Location";
const _Lon = "Lon";
const _Low = "Low";
const _Lt = "Lte";
const _Lt_ = "Lt";
const _M = "Message";
const _MA = "MaxAge";
const _MALR = "MemberAccountLimitReached";
const _MAS = "MaxAllocatedStorage";
const _MAZ = "MultiAZ";
const _MAa = "MasterArn";
const _MAat = "MatchAttributes";
const _MAf = "MfaAuthenticated";
const _MAu = "MutualAuthentication";
const _MAul = "MultiAz";
const _MC = "MissingCount";
const _MCS = "MinimumCompressionSize";
const _ME = "MetricsEnabled";
const _MF = "MapFilters";
const _MFL = "MapFilterList";
const _MFM = "ManagedbyFirewallManager";
const _MFa = "MapFilter";
const _MGBPVC = "MemoryGiBPerVCpu";
const _MHP = "MinimumHealthyPercent";
const _MI = "MasterId";
const _MIMSV = "MinimumInstanceMetadataServiceVersion";
const _MIP = "MixedInstancesPolicy";
const _MIa = "MaxItems";
const _MIo = "MonitoringInterval";
const _ML = "MalwareList";
const _MLe = "MemberList";
const _MMB = "MemoryMiB";
const _MN = "MetricName";
const _MNa = "MalwareName";
const _MO = "MetadataOptions";
const _MOa = "MaintenanceOptions";
const _MOo = "MountOptions";
const _MP = "MaxPrice";
const _MPI = "MarketplaceProductId";
const _MPIOL = "MapPublicIpOnLaunch";
const _MPU = "MetadataProductUid";
const _MPV = "MinimumProtocolVersion";
const _MPa = "MaximumPercent";
const _MPal = "MalwareProtection";
const _MPalw = "MalwarePath";
const _MPat = "MatchPredicates";
const _MPo = "MountPoints";
const _MPou = "MountPath";
const _MR = "MemoryReservation";
const _MRA = "MonitoringRoleArn";
const _MRa = "MaxResults";
const _MS = "MfaStatus";
const _MSD = "MaxSessionDuration";
const _MSR = "MaxStatisticResults";
const _MSRP = "ManualSnapshotRetentionPeriod";
const _MSa = "MaxSwap";
const _MSal = "MalwareState";
const _MSe = "MethodSettings";
const _MSem = "MemorySize";
const _MSemb = "MemberStatus";
const _MSu = "MulticastSupport";
const _MT = "MigrationType";
const _MTCSA = "MoveToColdStorageAt";
const _MTCSAD = "MoveToColdStorageAfterDays";
const _MTN = "MaintenanceTrackName";
const _MTa = "MarketType";
const _MTal = "MalwareType";
const _MTi = "MimeType";
const _MU = "MasterUsername";
const _MUA = "MasterUserArn";
const _MUN = "MasterUserName";
const _MUO = "MasterUserOptions";
const _MUP = "MasterUserPassword";
const _MUa = "MarketplaceUrl";
const _MUe = "MetadataUid";
const _MUet = "MetadataUids";
const _MVE = "ManagesVpcEndpoints";
const _MWST = "MaintenanceWindowStartTime";
const _Ma = "Main";
const _Mal = "Malware";
const _Mas = "Master";
const _Mask = "Masks";
const _Max = "Max";
const _Me = "Metric";
const _Med = "Medium";
const _Mem = "Memory";
const _Memb = "Members";
const _Membe = "Member";
const _Mi = "Min";
const _Mo = "Monitoring";
const _Mod = "Mode";
const _N = "Name";
const _NA = "NotAfter";
const _NAAI = "NetworkAclAssociationId";
const _NAI = "NetworkAclId";
const _NAS = "NetworkAutonomousSystem";
const _NAo = "NotificationArns";
const _NB = "NotBefore";
const _NBG = "NetworkBorderGroup";
const _NC = "NetworkConfiguration";
const _NCA = "NetworkConnectionAction";
const _NCCC = "NonCompliantCriticalCount";
const _NCF = "NestedCompositeFilters";
const _NCHC = "NonCompliantHighCount";
const _NCI = "NetworkCardIndex";
const _NCIC = "NonCompliantInformationalCount";
const _NCLC = "NonCompliantLowCount";
const _NCMC = "NonCompliantMediumCount";
const _NCUC = "NonCompliantUnspecifiedCount";
const _NCe = "NetworkConnection";
const _ND = "NoDevice";
const _NDD = "NetworkDestinationDomain";
const _NDIV = "NetworkDestinationIpV4";
const _NDIVe = "NetworkDestinationIpV6";
const _NDP = "NetworkDestinationPort";
const _NDe = "NetworkDirection";
const _NE = "NetworkEndpoint";
const _NEL = "NetworkEndpointsList";
const _NF = "NumberFilters";
const _NFL = "NumberFilterList";
const _NFu = "NumberFilter";
const _NGI = "NatGatewayId";
const _NGL = "NetworkGeoLocation";
const _NH = "NetworkHeader";
const _NI = "NetworkInterfaces";
const _NIA = "NotebookInstanceArn";
const _NIC = "NetworkInterfaceCount";
const _NII = "NetworkInterfaceId";
const _NILCN = "NotebookInstanceLifecycleConfigName";
const _NIN = "NotebookInstanceName";
const _NIOI = "NetworkInterfaceOwnerId";
const _NIS = "NetworkInterfaceSet";
const _NISo = "NotebookInstanceStatus";
const _NKA = "NonKeyAttributes";
const _NLBA = "NetworkLoadBalancerArns";
const _NM = "NetworkMode";
const _NMWST = "NextMaintenanceWindowStartTime";
const _NO = "NetworkOrigin";
const _NOBN = "NumberOfBrokerNodes";
const _NODT = "NumberOfDecreasesToday";
const _NON = "NumberOfNodes";
const _NP = "NetworkPath";
const _NPC = "NetworkPathComponent";
const _NPCD = "NetworkPathComponentDetails";
const _NPL = "NetworkPathList";
const _NPe = "NetworkProtocol";
const _NR = "NodeRole";
const _NS = "NameServers";
const _NSD = "NetworkSourceDomain";
const _NSIV = "NetworkSourceIpV4";
const _NSIVe = "NetworkSourceIpV6";
const _NSM = "NetworkSourceMac";
const _NSP = "NetworkSourcePort";
const _NT = "NoteText";
const _NTNEO = "NodeToNodeEncryptionOptions";
const _NTa = "NamespaceType";
const _NTe = "NextToken";
const _NTo = "NodeType";
const _NU = "NoteUpdate";
const _NUA = "NoteUpdatedAt";
const _NUB = "NoteUpdatedBy";
const _NV = "NewVersion";
const _NVEID = "NoncurrentVersionExpirationInDays";
const _NVT = "NoncurrentVersionTransitions";
const _NVe = "NewValue";
const _Na = "Namespace";
const _Ne = "Network";
const _Neg = "Negated";
const _No = "Note";
const _Nor = "Normal";
const _Norm = "Normalized";
const _Not = "Notifications";
const _Nu = "Number";
const _O = "Organization";
const _OA = "OkActions";
const _OAI = "OriginAccessIdentity";
const _OAIw = "OwnerAccountId";
const _OAN = "OverrideArtifactName";
const _OAn = "OnlyAssociated";
const _OAv = "OverrideAction";
const _OAw = "OwnerAlias";
const _OBF = "OcsfBooleanFilter";
const _OBFL = "OcsfBooleanFilterList";
const _OC = "OrganizationConfiguration";
const _OD = "OptionalDeployment";
const _ODAS = "OnDemandAllocationStrategy";
const _ODBC = "OnDemandBaseCapacity";
const _ODF = "OcsfDateFilter";
const _ODFL = "OcsfDateFilterList";
const _ODMPPOLP = "OnDemandMaxPricePercentageOverLowestPrice";
const _ODPABC = "OnDemandPercentageAboveBaseCapacity";
const _OET = "OperationEndTime";
const _OFC = "OcsfFindingCriteria";
const _OFF = "OcsfFindingFilters";
const _OFI = "OcsfFindingIdentifier";
const _OFIL = "OcsfFindingIdentifierList";
const _OG = "OriginGroups";
const _OGM = "OptionGroupMemberships";
const _OGN = "OptionGroupName";
const _OGw = "OwnerGid";
const _OI = "OId";
const _OIA = "OutsideIpAddress";
const _OICC = "OpenIdConnectConfig";
const _OIF = "OcsfIpFilter";
const _OIFL = "OcsfIpFilterList";
const _OIr = "OrganizationId";
const _OIw = "OwnerId";
const _OK = "OutputKey";
const _OKT = "OriginKeepaliveTimeout";
const _OLC = "ObjectLockConfiguration";
const _OLE = "ObjectLockEnabled";
const _OMF = "OcsfMapFilter";
const _OMFL = "OcsfMapFilterList";
const _ON = "OptionName";
const _ONF = "OcsfNumberFilter";
const _ONFE = "OrganizationNotFoundException";
const _ONFL = "OcsfNumberFilterList";
const _ONw = "OwnerName";
const _OP = "OriginPath";
const _OPP = "OriginProtocolPolicy";
const _OPR = "OpenPortRange";
const _OPt = "OtherPolicies";
const _OR = "OffsetRanges";
const _ORT = "OriginReadTimeout";
const _ORf = "OffsetRange";
const _OS = "OptionSettings";
const _OSF = "OcsfStringFilter";
const _OSFL = "OcsfStringFilterList";
const _OSP = "OriginSslProtocols";
const _OST = "OperationStartTime";
const _OSv = "OverallSeverity";
const _OU = "OwnerUid";
const _OUI = "OrganizationalUnitId";
const _OUNFE = "OrganizationalUnitNotFoundException";
const _OV = "OutputValue";
const _OVl = "OldValue";
const _Oc = "Occurrences";
const _Op = "Options";
const _Ope = "Operands";
const _Oper = "Operator";
const _Opera = "Operation";
const _Or = "Origins";
const _Org = "Org";
const _Ori = "Origin";
const _Orig = "Original";
const _Ot = "Other";
const _Ou = "Outputs";
const _Ov = "Overrides";
const _Ow = "Owner";
const _P = "Port";
const _PA = "ProductArn";
const _PABC = "PublicAccessBlockConfiguration";
const _PAED = "ParameterApplyErrorDescription";
const _PAR = "ProcessedAutomationRules";
const _PAS = "ParameterApplyStatus";
const _PAe = "PendingActions";
const _PAl = "PlatformArn";
const _PAo = "PolicyArn";
const _PAr = "ProcessedAt";
const _PAu = "PubliclyAccessible";
const _PB = "PermissionsBoundary";
const _PBA = "PermissionsBoundaryArn";
const _PBI = "PatchBaselineId";
const _PBT = "PermissionsBoundaryType";
const _PBUC = "PermissionsBoundaryUsageCount";
const _PBW = "PreferredBackupWindow";
const _PC = "PendingChange";
const _PCP = "ProxyConfigurationProperties";
const _PCWLE = "PendingCloudWatchLogsExports";
const _PCa = "ParameterConfiguration";
const _PCl = "PlacementConstraints";
const _PCr = "ProxyConfiguration";
const _PCro = "ProviderConfiguration";
const _PD = "ProviderDetail";
const _PDGN = "Phase1DhGroupNumbers";
const _PDGNh = "Phase2DhGroupNumbers";
const _PDN = "PublicDnsName";
const _PDNO = "PrivateDnsNameOptions";
const _PDNr = "PrivateDnsName";
const _PDRTI = "PropagationDefaultRouteTableId";
const _PDa = "ParameterDefinition";
const _PDar = "ParameterDefinitions";
const _PDr = "ProcessDetails";
const _PEA = "Phase1EncryptionAlgorithms";
const _PEAh = "Phase2EncryptionAlgorithms";
const _PF = "ProcessorFeatures";
const _PFr = "ProductFields";
const _PFro = "ProcessedFindings";
const _PG = "PatchGroup";
const _PGN = "ParameterGroupName";
const _PI = "PublicIp";
const _PIA = "PrivateIpAddress";
const _PIAh = "Phase1IntegrityAlgorithms";
const _PIAha = "Phase2IntegrityAlgorithms";
const _PIAr = "PrivateIpAddresses";
const _PIAu = "PublicIpAddress";
const _PIE = "PerformanceInsightsEnabled";
const _PIKKI = "PerformanceInsightsKmsKeyId";
const _PIMB = "ProgressInMegaBytes";
const _PIP = "PublicIpv4Pool";
const _PIRP = "PerformanceInsightsRetentionPeriod";
const _PIl = "PlatformIdentifier";
const _PIo = "PolicyId";
const _PIr = "PrincipalId";
const _PK = "ProjectKey";
const _PL = "PredicateList";
const _PLA = "ProcessLaunchedAt";
const _PLI = "PrefixListIds";
const _PLIr = "PrefixListId";
const _PLS = "Phase1LifetimeSeconds";
const _PLSh = "Phase2LifetimeSeconds";
const _PLr = "ProductsList";
const _PM = "PrivilegedMode";
const _PMA = "PublishMetricAction";
const _PMV = "PendingModifiedValues";
const _PMW = "PreferredMaintenanceWindow";
const _PMa = "PackageManager";
const _PMi = "PidMode";
const _PMo = "PortMappings";
const _PN = "PortName";
const _PNa = "PartitionNumber";
const _PNag = "PageNumber";
const _PNar = "ParameterName";
const _PNo = "PolicyName";
const _PNol = "PolicyNames";
const _PNr = "ProductName";
const _PNri = "PrincipalName";
const _PNro = "ProcessName";
const _PNroj = "ProjectName";
const _PNrov = "ProviderName";
const _PO = "PeeringOptions";
const _PP = "PercentProgress";
const _PPA = "PortProbeAction";
const _PPD = "PortProbeDetails";
const _PPDL = "PortProbeDetailList";
const _PPDo = "PortProbeDetail";
const _PPP = "ProcessParentPid";
const _PPa = "ParentPid";
const _PPr = "ProcessPath";
const _PPro = "ProcessPid";
const _PR = "PortRange";
const _PRFT = "PortRangeFromTo";
const _PRL = "PortRangeList";
const _PRo = "PortRanges";
const _PRr = "ProcessingResult";
const _PS = "PeeringStatus";
const _PSA = "ProductSubscriptionArn";
const _PSK = "PreSharedKey";
const _PSRP = "ProductSubscriptionResourcePolicy";
const _PSa = "PatchSummary";
const _PSl = "PlacementStrategies";
const _PSo = "PortSets";
const _PSr = "ProviderSummary";
const _PSro = "ProductSubscriptions";
const _PT = "PercentTraffic";
const _PTA = "ProcessTerminatedAt";
const _PTO = "ProvisionedThroughputOverride";
const _PTa = "PackageType";
const _PTl = "PlacementTenancy";
const _PTr = "ProtocolType";
const _PTri = "PrincipalType";
const _PTro = "ProvisionedThroughput";
const _PTroj = "ProjectionType";
const _PTrom = "PromotionTier";
const _PTrop = "PropagateTags";
const _PTrov = "ProviderType";
const _PTs = "PseudoTerminal";
const _PU = "PosixUser";
const _PUA = "PolicyUpdatedAt";
const _PUC = "ProviderUpdateConfiguration";
const _PV = "PlatformVersion";
const _PVL = "PolicyVersionList";
const _PVLr = "ProductsV2List";
const _PVN = "ProductV2Name";
const _PVS = "PropagatingVgwSet";
const _PVSD = "PropagatingVgwSetDetails";
const _PVSL = "PropagatingVgwSetList";
const _PVa = "ParameterValue";
const _PVr = "ProductsV2";
const _PVro = "ProductV2";
const _Pa = "Packaging";
const _Pag = "Pages";
const _Page = "Page";
const _Par = "Partition";
const _Para = "Parameters";
const _Pat = "Path";
const _Patc = "Patch";
const _Pe = "Pending";
const _Per = "Period";
const _Perm = "Permissions";
const _Pi = "Pid";
const _Pl = "Placement";
const _Po = "Policies";
const _Pol = "Policy";
const _Pr = "Prefix";
const _Pre = "Predicate";
const _Pri = "Primary";
const _Prio = "Priority";
const _Priv = "Privileged";
const _Pro = "Projection";
const _Proc = "Process";
const _Prod = "Products";
const _Produ = "Product";
const _Prot = "Protocol";
const _Proto = "Protocols";
const _Prov = "Provider";
const _Provi = "Providers";
const _Q = "Quantity";
const _QLC = "QueryLoggingConfig";
const _QN = "QueueName";
const _R = "Reason";
const _RA = "RuleArn";
const _RAA = "ResourceApplicationArn";
const _RAEIII = "ResourceAwsEc2InstanceImageId";
const _RAEIIIPA = "ResourceAwsEc2InstanceIamInstanceProfileArn";
const _RAEIIVA = "ResourceAwsEc2InstanceIpV4Addresses";
const _RAEIIVAe = "ResourceAwsEc2InstanceIpV6Addresses";
const _RAEIKN = "ResourceAwsEc2InstanceKeyName";
const _RAEILA = "ResourceAwsEc2InstanceLaunchedAt";
const _RAEISI = "ResourceAwsEc2InstanceSubnetId";
const _RAEIT = "ResourceAwsEc2InstanceType";
const _RAEIVI = "ResourceAwsEc2InstanceVpcId";
const _RAFCC = "RequireAuthorizationForCacheControl";
const _RAIAKCA = "ResourceAwsIamAccessKeyCreatedAt";
const _RAIAKPN = "ResourceAwsIamAccessKeyPrincipalName";
const _RAIAKS = "ResourceAwsIamAccessKeyStatus";
const _RAIAKUN = "ResourceAwsIamAccessKeyUserName";
const _RAIUUN = "ResourceAwsIamUserUserName";
const _RAN = "ResourceApplicationName";
const _RART = "RedirectAllRequestsTo";
const _RASBOI = "ResourceAwsS3BucketOwnerId";
const _RASBON = "ResourceAwsS3BucketOwnerName";
const _RAe = "ResourceArn";
const _RAec = "RecommendedAction";
const _RAeg = "RegistryArn";
const _RAo = "RoleArn";
const _RAoo = "RootAccess";
const _RAu = "RuleAction";
const _RB = "RoleBase";
const _RC = "ResultConfiguration";
const _RCE = "ResourceConflictException";
const _RCF = "ResourcesCompositeFilter";
const _RCFL = "ResourcesCompositeFilterList";
const _RCIC = "RegisteredContainerInstancesCount";
const _RCII = "ResourceContainerImageId";
const _RCIN = "ResourceContainerImageName";
const _RCLA = "ResourceContainerLaunchedAt";
const _RCN = "ResourceContainerName";
const _RCP = "ResourceCloudPartition";
const _RCTD = "ResourceCreationTimeDt";
const _RCU = "ReadCapacityUnits";
const _RCV = "RegisterConnectorV2";
const _RCVR = "RegisterConnectorV2Request";
const _RCVRe = "RegisterConnectorV2Response";
const _RCe = "RegistryCredential";
const _RCea = "ReasonCode";
const _RCep = "RepositoryCredentials";
const _RCepl = "ReplicationConfig";
const _RCeq = "RequiresCompatibilities";
const _RCes = "ResponseCode";
const _RCeso = "ResourceConfig";
const _RCesou = "ResourceCategory";
const _RCesour = "ResourcesCount";
const _RCo = "RoutingConfig";
const _RD = "RootDirectory";
const _RDCTD = "ResourceDetailCaptureTimeDt";
const _RDF = "ResourcesDateFilter";
const _RDFL = "ResourcesDateFilterList";
const _RDI = "RamDiskId";
const _RDO = "ResourceDetailsOther";
const _RDT = "RestoreDateTime";
const _RDe = "ResourceDetails";
const _RDu = "RuleDefinition";
const _RE = "RenewalEligibility";
const _REe = "ReaderEndpoint";
const _REec = "RecommendationError";
const _REex = "Re2Expression";
const _REo = "RotationEnabled";
const _RF = "RelatedFindings";
const _RFI = "RelatedFindingsId";
const _RFL = "RelatedFindingList";
const _RFP = "RekeyFuzzPercentage";
const _RFPA = "RelatedFindingsProductArn";
const _RFS = "ResourceFindingsSummary";
const _RFSL = "ResourceFindingsSummaryList";
const _RFe = "RelatedFinding";
const _RFes = "ResourcesFilters";
const _RG = "RuleGroup";
const _RGA = "RuleGroupArn";
const _RGBR = "ResourceGroupByRule";
const _RGBRe = "ResourceGroupByRules";
const _RGD = "RuleGroupDetails";
const _RGI = "RuleGroupId";
const _RGN = "RuleGroupName";
const _RGS = "RuleGroupSource";
const _RGSCAD = "RuleGroupSourceCustomActionsDetails";
const _RGSCAL = "RuleGroupSourceCustomActionsList";
const _RGSLD = "RuleGroupSourceListDetails";
const _RGSSRACAD = "RuleGroupSourceStatelessRulesAndCustomActionsDetails";
const _RGSSRD = "RuleGroupSourceStatefulRulesDetails";
const _RGSSRDu = "RuleGroupSourceStatelessRuleDefinition";
const _RGSSRDul = "RuleGroupSourceStatelessRulesDetails";
const _RGSSRHD = "RuleGroupSourceStatefulRulesHeaderDetails";
const _RGSSRL = "RuleGroupSourceStatefulRulesList";
const _RGSSRLu = "RuleGroupSourceStatelessRulesList";
const _RGSSRMA = "RuleGroupSourceStatelessRuleMatchAttributes";
const _RGSSRMAD = "RuleGroupSourceStatelessRuleMatchAttributesDestinations";
const _RGSSRMADL = "RuleGroupSourceStatelessRuleMatchAttributesDestinationsList";
const _RGSSRMADP = "RuleGroupSourceStatelessRuleMatchAttributesDestinationPorts";
const _RGSSRMADPL = "RuleGroupSourceStatelessRuleMatchAttributesDestinationPortsList";
const _RGSSRMAS = "RuleGroupSourceStatelessRuleMatchAttributesSources";
const _RGSSRMASL = "RuleGroupSourceStatelessRuleMatchAttributesSourcesList";
const _RGSSRMASP = "RuleGroupSourceStatelessRuleMatchAttributesSourcePorts";
const _RGSSRMASPL = "RuleGroupSourceStatelessRuleMatchAttributesSourcePortsList";
const _RGSSRMATF = "RuleGroupSourceStatelessRuleMatchAttributesTcpFlags";
const _RGSSRMATFL = "RuleGroupSourceStatelessRuleMatchAttributesTcpFlagsList";
const _RGSSROD = "RuleGroupSourceStatefulRulesOptionsDetails";
const _RGSSROL = "RuleGroupSourceStatefulRulesOptionsList";
const _RGV = "RuleGroupVariables";
const _RGVISD = "RuleGroupVariablesIpSetsDetails";
const _RGVPSD = "RuleGroupVariablesPortSetsDetails";
const _RGe = "ResourceGuid";
const _RH = "ResponseHeaders";
const _RHS = "RequireHibernateSupport";
const _RI = "ResourceId";
const _RIA = "ReplicationInstanceArn";
const _RIC = "ReplicationInstanceClass";
const _RID = "RemoteIpDetails";
const _RII = "ReplicationInstanceIdentifier";
const _RIP = "RestoreInProgress";
const _RIUE = "ResourceInUseException";
const _RIa = "RamdiskId";
const _RIe = "ResourceIdentifier";
const _RIec = "RecordIndex";
const _RIeg = "RegistryId";
const _RIes = "ResizeInfo";
const _RIeso = "ResourceInfo";
const _RIesou = "ResourceIds";
const _RIev = "RevisionId";
const _RIo = "RoleId";
const _RIoo = "RootId";
const _RIu = "RuleId";
const _RK = "RateKey";
const _RKPW = "ReplaceKeyPrefixWith";
const _RKW = "ReplaceKeyWith";
const _RL = "RateLimit";
const _RLA = "RotationLambdaArn";
const _RLM = "RegionLinkingMode";
const _RLe = "ResourceList";
const _RLes = "ResultList";
const _RLu = "RulesList";
const _RMF = "ResourcesMapFilter";
const _RMFL = "ResourcesMapFilterList";
const _RMTS = "RekeyMarginTimeSeconds";
const _RN = "RuleName";
const _RNF = "ResourcesNumberFilter";
const _RNFE = "ResourceNotFoundException";
const _RNFL = "ResourcesNumberFilterList";
const _RNe = "RegionName";
const _RNeg = "RegistryName";
const _RNep = "RepositoryName";
const _RNes = "ResourceName";
const _RNo = "RoleName";
const _RNu = "RuleNumber";
const _RO = "RuleOrder";
const _ROA = "ResourceOwnerAccount";
const _ROAI = "ResourceOwnerAccountId";
const _ROO = "ResourceOwnerOrg";
const _ROOI = "ResourceOwnerOrgId";
const _ROWF = "RotationOccurredWithinFrequency";
const _ROe = "ReadOnly";
const _ROeb = "RebootOption";
const _ROes = "ResourceOwner";
const _ROu = "RuleOptions";
const _RP = "ResourcePartition";
const _RPA = "RecoveryPointArn";
const _RPB = "RestrictPublicBuckets";
const _RPD = "RemotePortDetails";
const _RPH = "RetentionPeriodHours";
const _RPL = "RolePolicyList";
const _RPT = "RepositoryPolicyText";
const _RPe = "ResourceProvider";
const _RPec = "RecommendedPolicy";
const _RPes = "ResourcePath";
const _RPet = "RetentionPeriod";
const _RR = "ResourceRegion";
const _RRDBCI = "ReadReplicaDBClusterIdentifiers";
const _RRDBII = "ReadReplicaDBInstanceIdentifiers";
const _RRF = "ReadonlyRootFilesystem";
const _RRI = "ReadReplicaIdentifiers";
const _RRSDBII = "ReadReplicaSourceDBInstanceIdentifier";
const _RRe = "ResourceRecord";
const _RRel = "RelatedRequirements";
const _RRes = "ResourceRequirements";
const _RReso = "ResourceRole";
const _RResou = "ResourceResult";
const _RRo = "RoutingRules";
const _RRot = "RotationRules";
const _RS = "RuleStatus";
const _RSB = "ResourceSeverityBreakdown";
const _RSC = "ResourceSubCategory";
const _RSD = "ReplicaStatusDescription";
const _RSDo = "RouteSetDetails";
const _RSE = "RouteSelectionExpression";
const _RSF = "ResourcesStringFilter";
const _RSFL = "ResourcesStringFilterList";
const _RSG = "ReplicationSubnetGroup";
const _RSGI = "ReplicationSubnetGroupIdentifier";
const _RSL = "RulesSourceList";
const _RSLo = "RouteSetList";
const _RSM = "RoleSearchMatching";
const _RSR = "RenewalStatusReason";
const _RSS = "RoleSearchSubtree";
const _RSe = "RecordState";
const _RSec = "RecommendationSteps";
const _RSeco = "RecommendationStep";
const _RSen = "RenewalSummary";
const _RSene = "RenewalStatus";
const _RSep = "ReplicaStatus";
const _RSes = "RestoreSummary";
const _RSeso = "ResourceScopes";
const _RSest = "RestoreStatus";
const _RSo = "RouteSettings";
const _RSou = "RouteSet";
const _RSu = "RulesSource";
const _RSul = "RulesString";
const _RT = "ResourceType";
const _RTAI = "RouteTableAssociationId";
const _RTC = "RunningTasksCount";
const _RTCF = "ResourcesTrendsCompositeFilter";
const _RTCFL = "ResourcesTrendsCompositeFilterList";
const _RTF = "ResourcesTrendsFilters";
const _RTI = "RouteTableId";
const _RTIe = "ReplicationTaskIdentifier";
const _RTL = "ResourceTagList";
const _RTM = "ResourcesTrendsMetrics";
const _RTMR = "ResourcesTrendsMetricsResult";
const _RTS = "ReplicationTaskSettings";
const _RTSF = "ResourcesTrendsStringFilter";
const _RTSFL = "ResourcesTrendsStringFilterList";
const _RTV = "ResourcesTrendsValues";
const _RTe = "ResourceTags";
const _RTec = "RecommendationText";
const _RTeco = "RecommendationType";
const _RTes = "ResizeType";
const _RTeso = "ResourceTag";
const _RU = "RemediationUrl";
const _RUe = "ReferenceUrls";
const _RV = "ResultValues";
const _RVC = "ResourcesVpcConfig";
const _RVI = "RequesterVpcInfo";
const _RVe = "RelatedVulnerabilities";
const _RVu = "RuleVariables";
const _RWS = "ReplayWindowSize";
const _Ra = "Range";
const _Ran = "Ranges";
const _Re = "Replicas";
const _Rec = "Records";
const _Reco = "Recommendation";
const _Recor = "Record";
const _Red = "Redirect";
const _Reg = "Region";
const _Regi = "Regions";
const _Rel = "Release";
const _Rem = "Remediation";
const _Res = "Resources";
const _Reso = "Resource";
const _Resu = "Result";
const _Ret = "Retries";
const _Ro = "Routes";
const _Rol = "Rollback";
const _Role = "Role";
const _Roles = "Roles";
const _Rou = "Route";
const _Row = "Row";
const _Ru = "Runtime";
const _Rul = "Rules";
const _Rule = "Rule";
const _S = "Session";
const _SA = "SignatureAlgorithm";
const _SAN = "SubjectAlternativeNames";
const _SAS = "SpotAllocationStrategy";
const _SAU = "ServiceAccountUsername";
const _SAZ = "SecondaryAvailabilityZone";
const _SAZu = "SubnetAvailabilityZone";
const _SAe = "SecondaryArtifacts";
const _SAec = "SecretArn";
const _SAer = "ServiceArn";
const _SAo = "SourceArn";
const _SAt = "StartedAt";
const _SAta = "StandardsArn";
const _SAu = "SubnetArn";
const _SAub = "SubscribedAt";
const _SB = "StartedBy";
const _SBA = "SourceBackupArn";
const _SBN = "S3BucketName";
const _SBP = "S3BucketPrefix";
const _SBVA = "SourceBackupVaultArn";
const _SBu = "S3Bucket";
const _SC = "StorageClass";
const _SCA = "ServerCertificateArn";
const _SCAD = "StandardsControlAssociationDetails";
const _SCADt = "StandardsControlAssociationDetail";
const _SCADta = "StatelessCustomActionDefinition";
const _SCAI = "StandardsControlAssociationIds";
const _SCAIt = "StandardsControlAssociationId";
const _SCAS = "StandardsControlAssociationSummaries";
const _SCASt = "StandardsControlAssociationSummary";
const _SCAU = "StandardsControlAssociationUpdates";
const _SCAUt = "StandardsControlAssociationUpdate";
const _SCAe = "SecurityControlArn";
const _SCAt = "StatelessCustomActions";
const _SCAta = "StandardsControlArn";
const _SCAtan = "StandardsControlArns";
const _SCC = "SecurityControlsConfiguration";
const _SCCP = "SecurityControlCustomParameter";
const _SCCPL = "SecurityControlCustomParametersList";
const _SCCPe = "SecurityControlCustomParameters";
const _SCD = "SecurityControlDefinition";
const _SCDe = "SecurityControlDefinitions";
const _SCDt = "StandardsControlDescription";
const _SCGN = "SnapshotCopyGrantName";
const _SCI = "SslCertificateId";
const _SCIe = "SecurityControlIds";
const _SCIec = "SecurityControlId";
const _SCO = "StringConfigurationOptions";
const _SCP = "SubnetChangeProtection";
const _SCPA = "StartConfigurationPolicyAssociation";
const _SCPAR = "StartConfigurationPolicyAssociationRequest";
const _SCPARt = "StartConfigurationPolicyAssociationResponse";
const _SCPD = "StartConfigurationPolicyDisassociation";
const _SCPDR = "StartConfigurationPolicyDisassociationRequest";
const _SCPDRt = "StartConfigurationPolicyDisassociationResponse";
const _SCPL = "SecurityControlParametersList";
const _SCPMA = "StatelessCustomPublishMetricAction";
const _SCPMAD = "StatelessCustomPublishMetricActionDimension";
const _SCPMADL = "StatelessCustomPublishMetricActionDimensionsList";
const _SCPe = "SecurityControlParameters";
const _SCPec = "SecurityControlParameter";
const _SCS = "SecurityControlStatus";
const _SCT = "SnapshotCreateTime";
const _SCTt = "StandardsControlTitle";
const _SCTu = "SubscriptionCreationTime";
const _SCU = "StandardsControlsUpdatable";
const _SCc = "ScopeConfiguration";
const _SCe = "SessionContext";
const _SCec = "SecurityControls";
const _SCecu = "SecurityControl";
const _SCh = "ShardCount";
const _SCi = "SizeClassified";
const _SCo = "SourceContainer";
const _SCor = "SortCriteria";
const _SCort = "SortCriterion";
const _SCt = "StatusCodes";
const _SCta = "StartColumn";
const _SCtan = "StandardsControl";
const _SCtand = "StandardsControls";
const _SCu = "SuccessCount";
const _SCy = "SystemControls";
const _SD = "SseDescription";
const _SDA = "StatelessDefaultActions";
const _SDC = "SourceDestCheck";
const _SDD = "SensitiveDataDetections";
const _SDDL = "SensitiveDataDetectionsList";
const _SDR = "SensitiveDataResult";
const _SDRL = "SensitiveDataResultList";
const _SDS = "StackDriftStatus";
const _SDSI = "SourceDbSnapshotIdentifier";
const _SDe = "SensitiveData";
const _SDo = "SourceDomain";
const _SDp = "SpreadDomain";
const _SE = "ScheduleExpression";
const _SEA = "SourceEndpointArn";
const _SEE = "S3EncryptionEnabled";
const _SEIWF = "ScanEc2InstanceWithFindings";
const _SEe = "ServiceEnabled";
const _SEt = "StreamEnabled";
const _SEto = "StorageEncrypted";
const _SEtr = "StreamEncryption";
const _SF = "StringFilters";
const _SFDA = "StatelessFragmentDefaultActions";
const _SFFRA = "SqsFailureFeedbackRoleArn";
const _SFL = "StringFilterList";
const _SFt = "StringFilter";
const _SG = "SecurityGroups";
const _SGI = "SecurityGroupIds";
const _SGIS = "SecurityGroupIdSet";
const _SGS = "SecurityGroupSet";
const _SGSu = "SubnetGroupStatus";
const _SGe = "SecondaryGids";
const _SH = "SecurityHub";
const _SHAIAFRC = "SelfHostedAIAgentFrameworkResourceCount";
const _SHAIARC = "SelfHostedAIAgentResourceCount";
const _SHAIATAIRC = "SelfHostedAIAgentToolsAndIdentityResourceCount";
const _SHAIDRC = "SelfHostedAIDevelopmentResourceCount";
const _SHAIEERC = "SelfHostedAIExternalEndpointResourceCount";
const _SHAIMRC = "SelfHostedAIModelResourceCount";
const _SHAIMSRC = "SelfHostedAIModelServingResourceCount";
const _SHP = "SecurityHubPolicy";
const _SHTAIRC = "SelfHostedTotalAIResourceCount";
const _SI = "StandardsId";
const _SIL = "SourceIdsList";
const _SIP = "SpotInstancePools";
const _SIT = "SpotInstanceType";
const _SIV = "SourceIpV4";
const _SIVo = "SourceIpV6";
const _SIe = "SeverityId";
const _SIeq = "SequenceIndicators";
const _SIer = "ServiceId";
const _SIes = "SessionIssuer";
const _SIi = "SignalIndicators";
const _SIn = "SnapshotId";
const _SIt = "StatusId";
const _SIta = "StackId";
const _SItan = "StandardsInput";
const _SItat = "StatusInfos";
const _SIu = "SubnetId";
const _SIub = "SubnetIds";
const _SIubn = "SubnetIdentifier";
const _SK = "S3Key";
const _SKF = "S3KeyFilter";
const _SKP = "S3KeyPrefix";
const _SL = "SeverityLabel";
const _SLA = "SourceLayerArn";
const _SLCO = "StringListConfigurationOptions";
const _SLH = "SourceLayerHash";
const _SLi = "SignalsList";
const _SLo = "S3Logs";
const _SLof = "SoftLimit";
const _SLt = "StartLine";
const _SLtr = "StringList";
const _SM = "StatusMessage";
const _SMA = "StateMachineArn";
const _SMB = "StandardsManagedBy";
const _SMP = "SpotMaxPrice";
const _SMPPOLP = "SpotMaxPricePercentageOverLowestPrice";
const _SMS = "SharedMemorySize";
const _SMo = "SourceMac";
const _SMs = "SslMode";
const _SMu = "SubnetMappings";
const _SN = "ServiceName";
const _SND = "ServiceNowDetail";
const _SNPC = "ServiceNowProviderConfiguration";
const _SNUC = "ServiceNowUpdateConfiguration";
const _SNe = "ServerName";
const _SNer = "ServiceNow";
const _SNev = "SeverityNormalized";
const _SNt = "StageName";
const _SNta = "StackName";
const _SNtr = "StreamName";
const _SO = "SpotOptions";
const _SOC = "S3OriginConfig";
const _SOP = "ScanOnPush";
const _SOV = "S3ObjectVersion";
const _SOe = "SecretOptions";
const _SOo = "SortOrder";
const _SP = "SpotPrice";
const _SPA = "SamlProviderArn";
const _SPIAC = "SecondaryPrivateIpAddressCount";
const _SPL = "SoftwarePackageList";
const _SPe = "SeverityProduct";
const _SPo = "SourcePath";
const _SPof = "SoftwarePackage";
const _SPou = "SourcePort";
const _SPour = "SourcePorts";
const _SPt = "StartPeriod";
const _SQEE = "ServiceQuotaExceededException";
const _SR = "ServiceRole";
const _SRACA = "StatelessRulesAndCustomActions";
const _SRC = "StatusReasonCode";
const _SRE = "SampledRequestsEnabled";
const _SRGR = "StatefulRuleGroupReferences";
const _SRGRt = "StatelessRuleGroupReferences";
const _SRL = "StatusReasonsList";
const _SRO = "StaticRoutesOnly";
const _SRe = "ServiceRegistries";
const _SRev = "SeverityRating";
const _SRo = "SourceRegion";
const _SRt = "StateReason";
const _SRta = "StatusReasons";
const _SRtat = "StatefulRules";
const _SRtate = "StatelessRules";
const _SRtatu = "StatusReason";
const _SS = "StackStatus";
const _SSA = "StandardsSubscriptionArns";
const _SSAt = "StandardsSubscriptionArn";
const _SSE = "ServerSideEncryption";
const _SSEA = "SSEAlgorithm";
const _SSEC = "ServerSideEncryptionConfiguration";
const _SSEKMSKI = "SSEKMSKeyId";
const _SSFRA = "SqsSuccessFeedbackRoleArn";
const _SSG = "SourceSecurityGroup";
const _SSI = "SnapshotScheduleIdentifier";
const _SSIMB = "SnapshotSizeInMegaBytes";
const _SSL = "SearchSlowLogs";
const _SSM = "SslSupportMethod";
const _SSN = "SolutionStackName";
const _SSO = "ServiceSoftwareOptions";
const _SSPU = "SelfServicePortalUrl";
const _SSR = "StackStatusReason";
const _SSRt = "StandardsSubscriptionRequests";
const _SSRta = "StandardsStatusReason";
const _SSRtan = "StandardsSubscriptionRequest";
const _SSS = "SnapshotScheduleState";
const _SSSPA = "SelfServiceSamlProviderArn";
const _SSc = "SchedulingStrategy";
const _SSe = "ServiceState";
const _SSt = "StreamSpecification";
const _SSta = "StandardsSubscriptions";
const _SStan = "StandardsSubscription";
const _SStand = "StandardsStatus";
const _SSu = "SubnetStatus";
const _ST = "StorageType";
const _STA = "SnsTopicArn";
const _STAo = "SourceTableArn";
const _STC = "SeverityTrendsCount";
const _STH = "SessionTimeoutHours";
const _STN = "SnsTopicName";
const _STc = "ScopeType";
const _STe = "ServiceType";
const _STev = "SeverityTrends";
const _STn = "SnapshotType";
const _STo = "SourceType";
const _STp = "SplitTunnel";
const _STs = "SseType";
const _STt = "StartTimeout";
const _STta = "StatusType";
const _STtar = "StartTime";
const _STto = "StopTimeout";
const _SU = "SourceUrl";
const _SUe = "SeverityUpdate";
const _SV = "StageVariables";
const _SVO = "StageVariableOverrides";
const _SVT = "StreamViewType";
const _SVc = "SchemaVersion";
const _SVco = "ScopeValues";
const _SVo = "SourceVolume";
const _SWM = "StartWindowMinutes";
const _Sa = "Sasl";
const _Sam = "Sample";
const _Sc = "Scope";
const _Sch = "Scheme";
const _Sco = "Scopes";
const _Scr = "Scram";
const _Se = "Severity";
const _Sec = "Secrets";
const _Seco = "Secondary";
const _Seq = "Sequence";
const _Ser = "Serial";
const _Set = "Settings";
const _Sev = "Severities";
const _Si = "Size";
const _Sig = "Signals";
const _Sign = "Signal";
const _So = "Source";
const _Sou = "Sources";
const _St = "Status";
const _Sta = "State";
const _Stan = "Standards";
const _Stand = "Standard";
const _Star = "Start";
const _Stat = "Statistic";
const _Statu = "Statuses";
const _Str = "String";
const _Su = "Subject";
const _Sub = "Subnets";
const _Subs = "Subscription";
const _Sw = "Swappiness";
const _T = "Type";
const _TA = "TrailArn";
const _TAa = "TargetArn";
const _TAe = "TerminatedAt";
const _TBL = "ThrottlingBurstLimit";
const _TBV = "TargetBackupVault";
const _TC = "TracingConfig";
const _TCA = "TdeCredentialArn";
const _TCo = "TotalCount";
const _TCr = "TracingConfiguration";
const _TD = "TaskData";
const _TDA = "TaskDefinitionArn";
const _TDa = "TaskDefinition";
const _TE = "ThrottlingException";
const _TEA = "TargetEndpointArn";
const _TEP = "TransitEncryptionPort";
const _TEr = "TracingEnabled";
const _TEra = "TransitEncryption";
const _TF = "TotalFindings";
const _TFc = "TcpFlags";
const _TGA = "TargetGroupArn";
const _TGCB = "TransitGatewayCidrBlocks";
const _TGI = "TransitGatewayId";
const _TI = "TableId";
const _TIC = "TunnelInsideCidr";
const _TII = "ThreatIntelIndicators";
const _TIIC = "ThreatIntelIndicatorCategory";
const _TIIL = "ThreatIntelIndicatorList";
const _TIILOA = "ThreatIntelIndicatorLastObservedAt";
const _TIIS = "ThreatIntelIndicatorSource";
const _TIISU = "ThreatIntelIndicatorSourceUrl";
const _TIIT = "ThreatIntelIndicatorType";
const _TIIV = "ThreatIntelIndicatorValue";
const _TIIh = "ThreatIntelIndicator";
const _TIM = "TimeoutInMinutes";
const _TIa = "TargetId";
const _TIi = "TicketId";
const _TK = "TagKeys";
const _TL = "ThreatList";
const _TLSGB = "TotalLocalStorageGB";
const _TLSSP = "TLSSecurityPolicy";
const _TM = "TableMappings";
const _TMD = "TreatMissingData";
const _TMI = "ThresholdMetricId";
const _TMR = "TrendsMetricsResult";
const _TMr = "TrendsMetrics";
const _TN = "TableName";
const _TNo = "TopicName";
const _TO = "TunnelOptions";
const _TOD = "TimeOfDay";
const _TP = "TransportProtocol";
const _TPC = "ThreadsPerCore";
const _TPo = "ToPort";
const _TR = "TagResource";
const _TRA = "TaskRoleArn";
const _TRL = "ThrottlingRateLimit";
const _TRR = "TagResourceRequest";
const _TRRa = "TagResourceResponse";
const _TS = "TableStatus";
const _TSB = "TableSizeBytes";
const _TSU = "TicketSrcUrl";
const _TT = "TargetType";
const _TTa = "TargetTypes";
const _TV = "TrendsValues";
const _TZ = "TimeZone";
const _Ta = "Target";
const _Tag = "Tag";
const _Tags = "Tags";
const _Tar = "Targets";
const _Te = "Tenancy";
const _Tex = "Text";
const _Th = "Threshold";
const _Thr = "Throughput";
const _Thre = "Threats";
const _Threa = "Threat";
const _Ti = "Title";
const _Tie = "Tier";
const _Tim = "Timeout";
const _Time = "Timezone";
const _Times = "Timestamp";
const _Tl = "Tls";
const _Tm = "Tmpfs";
const _To = "To";
const _Tr = "Transitions";
const _Ty = "Types";
const _U = "User";
const _UA = "UpdatedAt";
const _UAOK = "UseAwsOwnedKey";
const _UAR = "UnprocessedAutomationRules";
const _UARL = "UnprocessedAutomationRulesList";
const _UARRI = "UpdateAutomationRulesRequestItems";
const _UARRIL = "UpdateAutomationRulesRequestItemsList";
const _UARRIp = "UpdateAutomationRulesRequestItem";
const _UARV = "UpdateAutomationRuleV2";
const _UARVR = "UpdateAutomationRuleV2Request";
const _UARVRp = "UpdateAutomationRuleV2Response";
const _UARn = "UnprocessedAutomationRule";
const _UAT = "UpdateActionTarget";
const _UATR = "UpdateActionTargetRequest";
const _UATRp = "UpdateActionTargetResponse";
const _UAU = "UnprocessedAssociationUpdates";
const _UAV = "UpdateAggregatorV2";
const _UAVR = "UpdateAggregatorV2Request";
const _UAVRp = "UpdateAggregatorV2Response";
const _UAn = "UnprocessedAssociations";
const _UAnp = "UnprocessedAccounts";
const _UAp = "UpdateAvailable";
const _UAs = "UserAccount";
const _UB = "UserBase";
const _UBp = "UpdatedBy";
const _UC = "UpdateConnector";
const _UCCHS = "UnauthorizedCacheControlHeaderStrategy";
const _UCP = "UpdateConfigurationPolicy";
const _UCPA = "UnprocessedConfigurationPolicyAssociations";
const _UCPAL = "UnprocessedConfigurationPolicyAssociationList";
const _UCPAn = "UnprocessedConfigurationPolicyAssociation";
const _UCPR = "UpdateConfigurationPolicyRequest";
const _UCPRp = "UpdateConfigurationPolicyResponse";
const _UCR = "UpdateConnectorRequest";
const _UCRp = "UpdateConnectorResponse";
const _UCV = "UpdateConnectorV2";
const _UCVR = "UpdateConnectorV2Request";
const _UCVRp = "UpdateConnectorV2Response";
const _UD = "UserData";
const _UDF = "UserDefinedFields";
const _UDp = "UpdateDate";
const _UF = "UnprocessedFindings";
const _UFA = "UpdateFindingAggregator";
const _UFAR = "UpdateFindingAggregatorRequest";
const _UFARp = "UpdateFindingAggregatorResponse";
const _UFR = "UpdateFindingsRequest";
const _UFRp = "UpdateFindingsResponse";
const _UFp = "UpdatedField";
const _UFpd = "UpdateFindings";
const _UI = "UserId";
const _UIGP = "UserIdGroupPairs";
const _UIR = "UpdateInsightRequest";
const _UIRp = "UpdateInsightResponse";
const _UIn = "UnprocessedIds";
const _UIp = "UpdateInsight";
const _UN = "UserName";
const _UOC = "UpdateOrganizationConfiguration";
const _UOCR = "UpdateOrganizationConfigurationRequest";
const _UOCRp = "UpdateOrganizationConfigurationResponse";
const _UP = "UnusedPermissions";
const _UPC = "UserPoolConfig";
const _UPI = "UserPoolId";
const _UPL = "UserPolicyList";
const _UPRS = "UnusedPermissionsRecommendationStep";
const _UR = "UpdatedReason";
const _URN = "UserRoleName";
const _URR = "UntagResourceRequest";
const _URRn = "UntagResourceResponse";
const _URn = "UntagResource";
const _US = "UpdateStatus";
const _USC = "UseStageCache";
const _USCA = "UnprocessedStandardsControlAssociation";
const _USCAU = "UnprocessedStandardsControlAssociationUpdate";
const _USCAUn = "UnprocessedStandardsControlAssociationUpdates";
const _USCAn = "UnprocessedStandardsControlAssociations";
const _USCR = "UpdateSecurityControlRequest";
const _USCRp = "UpdateSecurityControlResponse";
const _USCRpd = "UpdateStandardsControlRequest";
const _USCRpda = "UpdateStandardsControlResponse";
const _USCn = "UnprocessedSecurityControl";
const _USCnp = "UnprocessedSecurityControls";
const _USCp = "UpdateSecurityControl";
const _USCpd = "UpdateStandardsControl";
const _USHC = "UpdateSecurityHubConfiguration";
const _USHCR = "UpdateSecurityHubConfigurationRequest";
const _USHCRp = "UpdateSecurityHubConfigurationResponse";
const _USM = "UserSearchMatching";
const _USS = "UserSearchSubtree";
const _USp = "UpdateSource";
const _UT = "UnhealthyThreshold";
const _UTp = "UpdateTime";
const _Ui = "Uid";
const _Ul = "Ulimits";
const _Un = "Unit";
const _Una = "Unauthenticated";
const _Unk = "Unknown";
const _Up = "Updates";
const _Ur = "Url";
const _Us = "Users";
const _Use = "Username";
const _V = "Version";
const _VC = "ViewerCertificate";
const _VCA = "VendorCreatedAt";
const _VCC = "VCpuCount";
const _VCI = "VpnConnectionId";
const _VCV = "VulnerabilityCodeVulnerabilities";
const _VCVL = "VulnerabilityCodeVulnerabilitiesList";
const _VCi = "VisibilityConfig";
const _VCp = "VpcConfig";
const _VCpc = "VpcConfiguration";
const _VD = "ValidationDomain";
const _VE = "ValidationException";
const _VEA = "VulnerabilitiesExploitAvailable";
const _VES = "VpnEcmpSupport";
const _VEa = "ValidationEmails";
const _VF = "VolumesFrom";
const _VFA = "VulnerabilitiesFixAvailable";
const _VFa = "ValueFrom";
const _VGI = "VpnGatewayId";
const _VI = "VersionId";
const _VICBSD = "VpcInfoCidrBlockSetDetails";
const _VICBSL = "VpcInfoCidrBlockSetList";
const _VIICBSD = "VpcInfoIpv6CidrBlockSetDetails";
const _VIICBSL = "VpcInfoIpv6CidrBlockSetList";
const _VIPOD = "VpcInfoPeeringOptionsDetails";
const _VIo = "VolumeId";
const _VIp = "VpcId";
const _VL = "VersionLabel";
const _VLu = "VulnerabilityList";
const _VM = "ValidationMethod";
const _VML = "VolumeMountList";
const _VMo = "VolumeMounts";
const _VMol = "VolumeMount";
const _VN = "VirtualName";
const _VO = "VpcOptions";
const _VP = "VpnPort";
const _VPCI = "VpcPeeringConnectionId";
const _VPCId = "VPCId";
const _VPCO = "VPCOptions";
const _VPP = "ViewerProtocolPolicy";
const _VPu = "VulnerablePackages";
const _VS = "VerificationState";
const _VSG = "VpcSecurityGroups";
const _VSGI = "VpcSecurityGroupId";
const _VSIGB = "VolumeSizeInGB";
const _VSS = "VolumeScanStatus";
const _VSa = "ValidationStatus";
const _VSe = "VendorSeverity";
const _VSo = "VolumeSize";
const _VT = "VolumeType";
const _VTa = "ValueType";
const _VTg = "VgwTelemetry";
const _VTi = "VirtualizationType";
const _VU = "ValidUntil";
const _VUA = "VendorUpdatedAt";
const _VV = "VulnerabilityVendor";
const _Va = "Variables";
const _Val = "Value";
const _Valu = "Values";
const _Ve = "Vendor";
const _Vo = "Volumes";
const _Vp = "Vpcs";
const _Vu = "Vulnerabilities";
const _Vul = "Vulnerability";
const _W = "Workflow";
const _WA = "WafAction";
const _WAA = "WebAclArn";
const _WAI = "WebAclId";
const _WC = "WeightedCapacity";
const _WCU = "WriteCapacityUnits";
const _WCa = "WarmCount";
const _WD = "WorkingDirectory";
const _WE = "WarmEnabled";
const _WER = "WafExcludedRule";
const _WERL = "WafExcludedRuleList";
const _WOA = "WafOverrideAction";
const _WS = "WorkflowStatus";
const _WSo = "WorkflowState";
const _WT = "WarmType";
const _WU = "WorkflowUpdate";
const _WWAA = "WafWebAclArn";
const _We = "Weight";
const _XE = "XrayEnabled";
const _Y = "Years";
const _ZAC = "ZoneAwarenessConfig";
const _ZAE = "ZoneAwarenessEnabled";
const _ZF = "ZipFile";
const _ZN = "ZoneName";
const _c = "client";
const _e = "error";
const _h = "http";
const _hE = "httpError";
const _hQ = "httpQuery";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.securityhub";
const _se = "server";
const _tK = "tagKeys";
const n0 = "com.amazonaws.securityhub";
const _s_registry = TypeRegistry.for(_s);
var SecurityHubServiceException$ = [-3, _s, "SecurityHubServiceException", 0, [], []];
_s_registry.registerError(SecurityHubServiceException$, SecurityHubServiceException);
const n0_registry = TypeRegistry.for(n0);
var AccessDeniedException$ = [-3, n0, _ADE,
    { [_e]: _c, [_hE]: 403 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(AccessDeniedException$, AccessDeniedException);
var ConflictException$ = [-3, n0, _CE,
    { [_e]: _c, [_hE]: 409 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(ConflictException$, ConflictException);
var InternalException$ = [-3, n0, _IE,
    { [_e]: _se, [_hE]: 500 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(InternalException$, InternalException);
var InternalServerException$ = [-3, n0, _ISE,
    { [_e]: _se, [_hE]: 500 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(InternalServerException$, InternalServerException);
var InvalidAccessException$ = [-3, n0, _IAE,
    { [_e]: _c, [_hE]: 401 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(InvalidAccessException$, InvalidAccessException);
var InvalidInputException$ = [-3, n0, _IIE,
    { [_e]: _c, [_hE]: 400 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(InvalidInputException$, InvalidInputException);
var LimitExceededException$ = [-3, n0, _LEE,
    { [_e]: _c, [_hE]: 429 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(LimitExceededException$, LimitExceededException);
var OrganizationalUnitNotFoundException$ = [-3, n0, _OUNFE,
    { [_e]: _c, [_hE]: 400 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(OrganizationalUnitNotFoundException$, OrganizationalUnitNotFoundException);
var OrganizationNotFoundException$ = [-3, n0, _ONFE,
    { [_e]: _c, [_hE]: 400 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(OrganizationNotFoundException$, OrganizationNotFoundException);
var ResourceConflictException$ = [-3, n0, _RCE,
    { [_e]: _c, [_hE]: 409 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(ResourceConflictException$, ResourceConflictException);
var ResourceInUseException$ = [-3, n0, _RIUE,
    { [_e]: _c, [_hE]: 400 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(ResourceInUseException$, ResourceInUseException);
var ResourceNotFoundException$ = [-3, n0, _RNFE,
    { [_e]: _c, [_hE]: 404 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(ResourceNotFoundException$, ResourceNotFoundException);
var ServiceQuotaExceededException$ = [-3, n0, _SQEE,
    { [_e]: _c, [_hE]: 402 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(ServiceQuotaExceededException$, ServiceQuotaExceededException);
var ThrottlingException$ = [-3, n0, _TE,
    { [_e]: _c, [_hE]: 429 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(ThrottlingException$, ThrottlingException);
var ValidationException$ = [-3, n0, _VE,
    { [_e]: _c, [_hE]: 400 },
    [_M, _C],
    [0, 0]
];
n0_registry.registerError(ValidationException$, ValidationException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var AcceptAdministratorInvitationRequest$ = [3, n0, _AAIR,
    0,
    [_AI, _II],
    [0, 0], 2
];
var AcceptAdministratorInvitationResponse$ = [3, n0, _AAIRc,
    0,
    [],
    []
];
var AcceptInvitationRequest$ = [3, n0, _AIR,
    0,
    [_MI, _II],
    [0, 0], 2
];
var AcceptInvitationResponse$ = [3, n0, _AIRc,
    0,
    [],
    []
];
var AccountDetails$ = [3, n0, _AD,
    0,
    [_AIc, _E],
    [0, 0], 1
];
var AccountFreeTrialStatus$ = [3, n0, _AFTS,
    0,
    [_AIc, _EA, _FTS],
    [0, 5, () => FreeTrialStatusList], 3
];
var Action$ = [3, n0, _A,
    0,
    [_AT, _NCA, _AACA, _DRA, _PPA],
    [0, () => NetworkConnectionAction$, () => AwsApiCallAction$, () => DnsRequestAction$, () => PortProbeAction$]
];
var ActionLocalIpDetails$ = [3, n0, _ALID,
    0,
    [_IAV],
    [0]
];
var ActionLocalPortDetails$ = [3, n0, _ALPD,
    0,
    [_P, _PN],
    [1, 0]
];
var ActionRemoteIpDetails$ = [3, n0, _ARID,
    0,
    [_IAV, _O, _Co, _Ci, _GL],
    [0, () => IpOrganizationDetails$, () => Country$, () => City$, () => GeoLocation$]
];
var ActionRemotePortDetails$ = [3, n0, _ARPD,
    0,
    [_P, _PN],
    [1, 0]
];
var ActionTarget$ = [3, n0, _ATc,
    0,
    [_ATA, _N, _D],
    [0, 0, 0], 3
];
var Actor$ = [3, n0, _Ac,
    0,
    [_I, _U, _S],
    [0, () => ActorUser$, () => ActorSession$]
];
var ActorSession$ = [3, n0, _AS,
    0,
    [_Ui, _MS, _CT, _Is],
    [0, 0, 1, 0]
];
var ActorUser$ = [3, n0, _AU,
    0,
    [_N, _Ui, _T, _CU, _Acc],
    [0, 0, 0, 0, () => UserAccount$]
];
var Adjustment$ = [3, n0, _Ad,
    0,
    [_Me, _R],
    [0, 0]
];
var AdminAccount$ = [3, n0, _AA,
    0,
    [_AIc, _St],
    [0, 0]
];
var AggregatorV2$ = [3, n0, _AV,
    0,
    [_AVA],
    [0]
];
var AIDetails$ = [3, n0, _AID,
    0,
    [_HRG, _HRT, _CI, _SHAIMRC, _SHAIARC, _SHAIMSRC, _SHAIEERC, _SHAIDRC, _SHAIAFRC, _SHAIATAIRC, _SHTAIRC],
    [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]
];
var AssociatedStandard$ = [3, n0, _ASs,
    0,
    [_SI],
    [0]
];
var AssociationFilters$ = [3, n0, _AF,
    0,
    [_CPI, _ATs, _ASss],
    [0, 0, 0]
];
var AssociationSetDetails$ = [3, n0, _ASD,
    0,
    [_ASsso, _GI, _Ma, _RTAI, _RTI, _SIu],
    [() => AssociationStateDetails$, 0, 2, 0, 0, 0]
];
var AssociationStateDetails$ = [3, n0, _ASDs,
    0,
    [_Sta, _SM],
    [0, 0]
];
var AutomationRulesAction$ = [3, n0, _ARA,
    0,
    [_T, _FFU],
    [0, () => AutomationRulesFindingFieldsUpdate$]
];
var AutomationRulesActionTypeObjectV2$ = [3, n0, _ARATOV,
    0,
    [_T],
    [0]
];
var AutomationRulesActionV2$ = [3, n0, _ARAV,
    0,
    [_T, _FFU, _EIC],
    [0, () => AutomationRulesFindingFieldsUpdateV2$, () => ExternalIntegrationConfiguration$], 1
];
var AutomationRulesConfig$ = [3, n0, _ARC,
    0,
    [_RA, _RS, _RO, _RN, _D, _IT, _Cr, _Act, _CA, _UA, _CB],
    [0, 0, 1, 0, 0, 2, () => AutomationRulesFindingFilters$, () => ActionList, 5, 5, 0]
];
var AutomationRulesFindingFieldsUpdate$ = [3, n0, _ARFFU,
    0,
    [_No, _Se, _VS, _Con, _Cri, _Ty, _UDF, _W, _RF],
    [() => NoteUpdate$, () => SeverityUpdate$, 0, 1, 1, 64 | 0, 128 | 0, () => WorkflowUpdate$, () => RelatedFindingList]
];
var AutomationRulesFindingFieldsUpdateV2$ = [3, n0, _ARFFUV,
    0,
    [_SIe, _Com, _SIt],
    [1, 0, 1]
];
var AutomationRulesFindingFilters$ = [3, n0, _ARFF,
    0,
    [_PA, _AAI, _I, _GIe, _T, _FOA, _LOA, _CA, _UA, _Con, _Cri, _Ti, _D, _SU, _PNr, _CN, _SL, _RT, _RI, _RP, _RR, _RTe, _RDO, _CS, _CSCI, _CASI, _VS, _WS, _RSe, _RFPA, _RFI, _NT, _NUA, _NUB, _UDF, _RAA, _RAN, _AAN, _RPe, _ROAI, _ROOI],
    [() => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => DateFilterList, () => DateFilterList, () => DateFilterList, () => DateFilterList, () => NumberFilterList, () => NumberFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => MapFilterList, () => MapFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => DateFilterList, () => StringFilterList, () => MapFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList]
];
var AutomationRulesMetadata$ = [3, n0, _ARM,
    0,
    [_RA, _RS, _RO, _RN, _D, _IT, _CA, _UA, _CB],
    [0, 0, 1, 0, 0, 2, 5, 5, 0]
];
var AutomationRulesMetadataV2$ = [3, n0, _ARMV,
    0,
    [_RA, _RIu, _RO, _RN, _RS, _D, _Act, _CA, _UA],
    [0, 0, 1, 0, 0, 0, () => AutomationRulesActionTypeListV2, 5, 5]
];
var AvailabilityZone$ = [3, n0, _AZ,
    0,
    [_ZN, _SIu],
    [0, 0]
];
var AwsAmazonMqBrokerDetails$ = [3, n0, _AAMBD,
    0,
    [_ASu, _AMVU, _BA, _BN, _DM, _EO, _ET, _EV, _HIT, _BI, _LSM, _L, _MWST, _PAu, _SG, _ST, _SIub, _Us],
    [0, 2, 0, 0, 0, () => AwsAmazonMqBrokerEncryptionOptionsDetails$, 0, 0, 0, 0, () => AwsAmazonMqBrokerLdapServerMetadataDetails$, () => AwsAmazonMqBrokerLogsDetails$, () => AwsAmazonMqBrokerMaintenanceWindowStartTimeDetails$, 2, 64 | 0, 0, 64 | 0, () => AwsAmazonMqBrokerUsersList]
];
var AwsAmazonMqBrokerEncryptionOptionsDetails$ = [3, n0, _AAMBEOD,
    0,
    [_KKI, _UAOK],
    [0, 2]
];
var AwsAmazonMqBrokerLdapServerMetadataDetails$ = [3, n0, _AAMBLSMD,
    0,
    [_H, _RB, _RNo, _RSM, _RSS, _SAU, _UB, _URN, _USM, _USS],
    [64 | 0, 0, 0, 0, 2, 0, 0, 0, 0, 2]
];
var AwsAmazonMqBrokerLogsDetails$ = [3, n0, _AAMBLD,
    0,
    [_Au, _G, _ALG, _GLG, _Pe],
    [2, 2, 0, 0, () => AwsAmazonMqBrokerLogsPendingDetails$]
];
var AwsAmazonMqBrokerLogsPendingDetails$ = [3, n0, _AAMBLPD,
    0,
    [_Au, _G],
    [2, 2]
];
var AwsAmazonMqBrokerMaintenanceWindowStartTimeDetails$ = [3, n0, _AAMBMWSTD,
    0,
    [_DOW, _TOD, _TZ],
    [0, 0, 0]
];
var AwsAmazonMqBrokerUsersDetails$ = [3, n0, _AAMBUD,
    0,
    [_PC, _Use],
    [0, 0]
];
var AwsApiCallAction$ = [3, n0, _AACA,
    0,
    [_Ap, _SN, _CTa, _RID, _DD, _AR, _FS, _LS],
    [0, 0, 0, () => ActionRemoteIpDetails$, () => AwsApiCallActionDomainDetails$, 128 | 0, 0, 0]
];
var AwsApiCallActionDomainDetails$ = [3, n0, _AACADD,
    0,
    [_Do],
    [0]
];
var AwsApiGatewayAccessLogSettings$ = [3, n0, _AAGALS,
    0,
    [_F, _DA],
    [0, 0]
];
var AwsApiGatewayCanarySettings$ = [3, n0, _AAGCS,
    0,
    [_PT, _DI, _SVO, _USC],
    [1, 0, 128 | 0, 2]
];
var AwsApiGatewayEndpointConfiguration$ = [3, n0, _AAGEC,
    0,
    [_Ty],
    [64 | 0]
];
var AwsApiGatewayMethodSettings$ = [3, n0, _AAGMS,
    0,
    [_ME, _LL, _DTE, _TBL, _TRL, _CEa, _CTIS, _CDE, _RAFCC, _UCCHS, _HM, _RPes],
    [2, 0, 2, 1, 1, 2, 1, 2, 2, 0, 0, 0]
];
var AwsApiGatewayRestApiDetails$ = [3, n0, _AAGRAD,
    0,
    [_I, _N, _D, _CD, _V, _BMT, _MCS, _AKS, _EC],
    [0, 0, 0, 0, 0, 64 | 0, 1, 0, () => AwsApiGatewayEndpointConfiguration$]
];
var AwsApiGatewayStageDetails$ = [3, n0, _AAGSD,
    0,
    [_DI, _CCI, _SNt, _D, _CCE, _CCS, _CCSa, _MSe, _Va, _DV, _ALS, _CSa, _TEr, _CD, _LUD, _WAA],
    [0, 0, 0, 0, 2, 0, 0, () => AwsApiGatewayMethodSettingsList, 128 | 0, 0, () => AwsApiGatewayAccessLogSettings$, () => AwsApiGatewayCanarySettings$, 2, 0, 0, 0]
];
var AwsApiGatewayV2ApiDetails$ = [3, n0, _AAGVAD,
    0,
    [_AE, _AIp, _AKSE, _CD, _D, _V, _N, _PTr, _RSE, _CC],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, () => AwsCorsConfiguration$]
];
var AwsApiGatewayV2RouteSettings$ = [3, n0, _AAGVRS,
    0,
    [_DME, _LL, _DTE, _TBL, _TRL],
    [2, 0, 2, 1, 1]
];
var AwsApiGatewayV2StageDetails$ = [3, n0, _AAGVSD,
    0,
    [_CCI, _CD, _D, _DRS, _DI, _LUD, _RSo, _SNt, _SV, _ALS, _ADu, _LDSM, _AGM],
    [0, 0, 0, () => AwsApiGatewayV2RouteSettings$, 0, 0, () => AwsApiGatewayV2RouteSettings$, 0, 128 | 0, () => AwsApiGatewayAccessLogSettings$, 2, 0, 2]
];
var AwsAppSyncGraphQlApiAdditionalAuthenticationProvidersDetails$ = [3, n0, _AASGQAAAPD,
    0,
    [_ATu, _LAC, _OICC, _UPC],
    [0, () => AwsAppSyncGraphQlApiLambdaAuthorizerConfigDetails$, () => AwsAppSyncGraphQlApiOpenIdConnectConfigDetails$, () => AwsAppSyncGraphQlApiUserPoolConfigDetails$]
];
var AwsAppSyncGraphQlApiDetails$ = [3, n0, _AASGQAD,
    0,
    [_AIp, _I, _OICC, _N, _LAC, _XE, _Ar, _UPC, _ATu, _LC, _AAP, _WWAA],
    [0, 0, () => AwsAppSyncGraphQlApiOpenIdConnectConfigDetails$, 0, () => AwsAppSyncGraphQlApiLambdaAuthorizerConfigDetails$, 2, 0, () => AwsAppSyncGraphQlApiUserPoolConfigDetails$, 0, () => AwsAppSyncGraphQlApiLogConfigDetails$, () => AwsAppSyncGraphQlApiAdditionalAuthenticationProvidersList, 0]
];
var AwsAppSyncGraphQlApiLambdaAuthorizerConfigDetails$ = [3, n0, _AASGQALACD,
    0,
    [_ARTIS, _AUu, _IVE],
    [1, 0, 0]
];
var AwsAppSyncGraphQlApiLogConfigDetails$ = [3, n0, _AASGQALCD,
    0,
    [_CWLRA, _EVC, _FLL],
    [0, 2, 0]
];
var AwsAppSyncGraphQlApiOpenIdConnectConfigDetails$ = [3, n0, _AASGQAOICCD,
    0,
    [_ATL, _CIl, _ITL, _Is],
    [1, 0, 1, 0]
];
var AwsAppSyncGraphQlApiUserPoolConfigDetails$ = [3, n0, _AASGQAUPCD,
    0,
    [_AICR, _ARw, _DAe, _UPI],
    [0, 0, 0, 0]
];
var AwsAthenaWorkGroupConfigurationDetails$ = [3, n0, _AAWGCD,
    0,
    [_RC],
    [() => AwsAthenaWorkGroupConfigurationResultConfigurationDetails$]
];
var AwsAthenaWorkGroupConfigurationResultConfigurationDetails$ = [3, n0, _AAWGCRCD,
    0,
    [_ECn],
    [() => AwsAthenaWorkGroupConfigurationResultConfigurationEncryptionConfigurationDetails$]
];
var AwsAthenaWorkGroupConfigurationResultConfigurationEncryptionConfigurationDetails$ = [3, n0, _AAWGCRCECD,
    0,
    [_EOn, _KK],
    [0, 0]
];
var AwsAthenaWorkGroupDetails$ = [3, n0, _AAWGD,
    0,
    [_N, _D, _Sta, _Conf],
    [0, 0, 0, () => AwsAthenaWorkGroupConfigurationDetails$]
];
var AwsAutoScalingAutoScalingGroupAvailabilityZonesListDetails$ = [3, n0, _AASASGAZLD,
    0,
    [_Val],
    [0]
];
var AwsAutoScalingAutoScalingGroupDetails$ = [3, n0, _AASASGD,
    0,
    [_LCN, _LBN, _HCT, _HCGP, _CT, _MIP, _AZv, _LT, _CR],
    [0, 64 | 0, 0, 1, 0, () => AwsAutoScalingAutoScalingGroupMixedInstancesPolicyDetails$, () => AwsAutoScalingAutoScalingGroupAvailabilityZonesList, () => AwsAutoScalingAutoScalingGroupLaunchTemplateLaunchTemplateSpecification$, 2]
];
var AwsAutoScalingAutoScalingGroupLaunchTemplateLaunchTemplateSpecification$ = [3, n0, _AASASGLTLTS,
    0,
    [_LTI, _LTN, _V],
    [0, 0, 0]
];
var AwsAutoScalingAutoScalingGroupMixedInstancesPolicyDetails$ = [3, n0, _AASASGMIPD,
    0,
    [_ID, _LT],
    [() => AwsAutoScalingAutoScalingGroupMixedInstancesPolicyInstancesDistributionDetails$, () => AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateDetails$]
];
var AwsAutoScalingAutoScalingGroupMixedInstancesPolicyInstancesDistributionDetails$ = [3, n0, _AASASGMIPIDD,
    0,
    [_ODAS, _ODBC, _ODPABC, _SAS, _SIP, _SMP],
    [0, 1, 1, 0, 1, 0]
];
var AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateDetails$ = [3, n0, _AASASGMIPLTD,
    0,
    [_LTS, _Ov],
    [() => AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecification$, () => AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateOverridesList]
];
var AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecification$ = [3, n0, _AASASGMIPLTLTS,
    0,
    [_LTI, _LTN, _V],
    [0, 0, 0]
];
var AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateOverridesListDetails$ = [3, n0, _AASASGMIPLTOLD,
    0,
    [_ITn, _WC],
    [0, 0]
];
var AwsAutoScalingLaunchConfigurationBlockDeviceMappingsDetails$ = [3, n0, _AASLCBDMD,
    0,
    [_DN, _Eb, _ND, _VN],
    [0, () => AwsAutoScalingLaunchConfigurationBlockDeviceMappingsEbsDetails$, 2, 0]
];
var AwsAutoScalingLaunchConfigurationBlockDeviceMappingsEbsDetails$ = [3, n0, _AASLCBDMED,
    0,
    [_DOT, _En, _Io, _SIn, _VSo, _VT],
    [2, 2, 1, 0, 1, 0]
];
var AwsAutoScalingLaunchConfigurationDetails$ = [3, n0, _AASLCD,
    0,
    [_APIA, _BDM, _CLVI, _CLVSG, _CT, _EOb, _IIP, _IIm, _IM, _ITn, _KI, _KN, _LCN, _PTl, _RIa, _SG, _SP, _UD, _MO],
    [2, () => AwsAutoScalingLaunchConfigurationBlockDeviceMappingsList, 0, 64 | 0, 0, 2, 0, 0, () => AwsAutoScalingLaunchConfigurationInstanceMonitoringDetails$, 0, 0, 0, 0, 0, 0, 64 | 0, 0, 0, () => AwsAutoScalingLaunchConfigurationMetadataOptions$]
];
var AwsAutoScalingLaunchConfigurationInstanceMonitoringDetails$ = [3, n0, _AASLCIMD,
    0,
    [_Ena],
    [2]
];
var AwsAutoScalingLaunchConfigurationMetadataOptions$ = [3, n0, _AASLCMO,
    0,
    [_HE, _HPRHL, _HT],
    [0, 1, 0]
];
var AwsBackupBackupPlanAdvancedBackupSettingsDetails$ = [3, n0, _ABBPABSD,
    0,
    [_BO, _RT],
    [128 | 0, 0]
];
var AwsBackupBackupPlanBackupPlanDetails$ = [3, n0, _ABBPBPD,
    0,
    [_BPN, _ABS, _BPR],
    [0, () => AwsBackupBackupPlanAdvancedBackupSettingsList, () => AwsBackupBackupPlanRuleList]
];
var AwsBackupBackupPlanDetails$ = [3, n0, _ABBPD,
    0,
    [_BP, _BPA, _BPI, _VI],
    [() => AwsBackupBackupPlanBackupPlanDetails$, 0, 0, 0]
];
var AwsBackupBackupPlanLifecycleDetails$ = [3, n0, _ABBPLD,
    0,
    [_DAD, _MTCSAD],
    [1, 1]
];
var AwsBackupBackupPlanRuleCopyActionsDetails$ = [3, n0, _ABBPRCAD,
    0,
    [_DBVA, _Li],
    [0, () => AwsBackupBackupPlanLifecycleDetails$]
];
var AwsBackupBackupPlanRuleDetails$ = [3, n0, _ABBPRD,
    0,
    [_TBV, _SWM, _SE, _RN, _RIu, _ECB, _CWM, _CAo, _Li],
    [0, 1, 0, 0, 0, 2, 1, () => AwsBackupBackupPlanRuleCopyActionsList, () => AwsBackupBackupPlanLifecycleDetails$]
];
var AwsBackupBackupVaultDetails$ = [3, n0, _ABBVD,
    0,
    [_BVA, _BVN, _EKA, _Not, _AP],
    [0, 0, 0, () => AwsBackupBackupVaultNotificationsDetails$, 0]
];
var AwsBackupBackupVaultNotificationsDetails$ = [3, n0, _ABBVND,
    0,
    [_BVE, _STA],
    [64 | 0, 0]
];
var AwsBackupRecoveryPointCalculatedLifecycleDetails$ = [3, n0, _ABRPCLD,
    0,
    [_DAel, _MTCSA],
    [0, 0]
];
var AwsBackupRecoveryPointCreatedByDetails$ = [3, n0, _ABRPCBD,
    0,
    [_BPA, _BPI, _BPV, _BRI],
    [0, 0, 0, 0]
];
var AwsBackupRecoveryPointDetails$ = [3, n0, _ABRPD,
    0,
    [_BSIB, _BVA, _BVN, _CL, _CDo, _CB, _CDr, _EKA, _IRA, _IEs, _LRT, _Li, _RPA, _RAe, _RT, _SBVA, _St, _SM, _SC],
    [1, 0, 0, () => AwsBackupRecoveryPointCalculatedLifecycleDetails$, 0, () => AwsBackupRecoveryPointCreatedByDetails$, 0, 0, 0, 2, 0, () => AwsBackupRecoveryPointLifecycleDetails$, 0, 0, 0, 0, 0, 0, 0]
];
var AwsBackupRecoveryPointLifecycleDetails$ = [3, n0, _ABRPLD,
    0,
    [_DAD, _MTCSAD],
    [1, 1]
];
var AwsCertificateManagerCertificateDetails$ = [3, n0, _ACMCD,
    0,
    [_CAA, _CA, _DNo, _DVO, _EKU, _FR, _IA, _IUB, _IAs, _Is, _KA, _KU, _NA, _NB, _Op, _RE, _RSen, _Ser, _SA, _St, _Su, _SAN, _T],
    [0, 0, 0, () => AwsCertificateManagerCertificateDomainValidationOptions, () => AwsCertificateManagerCertificateExtendedKeyUsages, 0, 0, 64 | 0, 0, 0, 0, () => AwsCertificateManagerCertificateKeyUsages, 0, 0, () => AwsCertificateManagerCertificateOptions$, 0, () => AwsCertificateManagerCertificateRenewalSummary$, 0, 0, 0, 0, 64 | 0, 0]
];
var AwsCertificateManagerCertificateDomainValidationOption$ = [3, n0, _ACMCDVO,
    0,
    [_DNo, _RRe, _VD, _VEa, _VM, _VSa],
    [0, () => AwsCertificateManagerCertificateResourceRecord$, 0, 64 | 0, 0, 0]
];
var AwsCertificateManagerCertificateExtendedKeyUsage$ = [3, n0, _ACMCEKU,
    0,
    [_N, _OI],
    [0, 0]
];
var AwsCertificateManagerCertificateKeyUsage$ = [3, n0, _ACMCKU,
    0,
    [_N],
    [0]
];
var AwsCertificateManagerCertificateOptions$ = [3, n0, _ACMCO,
    0,
    [_CTLP],
    [0]
];
var AwsCertificateManagerCertificateRenewalSummary$ = [3, n0, _ACMCRS,
    0,
    [_DVO, _RSene, _RSR, _UA],
    [() => AwsCertificateManagerCertificateDomainValidationOptions, 0, 0, 0]
];
var AwsCertificateManagerCertificateResourceRecord$ = [3, n0, _ACMCRR,
    0,
    [_N, _T, _Val],
    [0, 0, 0]
];
var AwsCloudFormationStackDetails$ = [3, n0, _ACFSD,
    0,
    [_Ca, _CTr, _D, _DR, _DIr, _ETP, _LUT, _NAo, _Ou, _RAo, _SIta, _SNta, _SS, _SSR, _TIM],
    [64 | 0, 0, 0, 2, () => AwsCloudFormationStackDriftInformationDetails$, 2, 0, 64 | 0, () => AwsCloudFormationStackOutputsList, 0, 0, 0, 0, 0, 1]
];
var AwsCloudFormationStackDriftInformationDetails$ = [3, n0, _ACFSDID,
    0,
    [_SDS],
    [0]
];
var AwsCloudFormationStackOutputsDetails$ = [3, n0, _ACFSOD,
    0,
    [_D, _OK, _OV],
    [0, 0, 0]
];
var AwsCloudFrontDistributionCacheBehavior$ = [3, n0, _ACFDCB,
    0,
    [_VPP],
    [0]
];
var AwsCloudFrontDistributionCacheBehaviors$ = [3, n0, _ACFDCBw,
    0,
    [_It],
    [() => AwsCloudFrontDistributionCacheBehaviorsItemList]
];
var AwsCloudFrontDistributionDefaultCacheBehavior$ = [3, n0, _ACFDDCB,
    0,
    [_VPP],
    [0]
];
var AwsCloudFrontDistributionDetails$ = [3, n0, _ACFDD,
    0,
    [_CBa, _DCB, _DRO, _DNo, _ETa, _LMT, _Lo, _Or, _OG, _VC, _St, _WAI],
    [() => AwsCloudFrontDistributionCacheBehaviors$, () => AwsCloudFrontDistributionDefaultCacheBehavior$, 0, 0, 0, 0, () => AwsCloudFrontDistributionLogging$, () => AwsCloudFrontDistributionOrigins$, () => AwsCloudFrontDistributionOriginGroups$, () => AwsCloudFrontDistributionViewerCertificate$, 0, 0]
];
var AwsCloudFrontDistributionLogging$ = [3, n0, _ACFDL,
    0,
    [_B, _Ena, _IC, _Pr],
    [0, 2, 2, 0]
];
var AwsCloudFrontDistributionOriginCustomOriginConfig$ = [3, n0, _ACFDOCOC,
    0,
    [_HP, _HPt, _OKT, _OPP, _ORT, _OSP],
    [1, 1, 1, 0, 1, () => AwsCloudFrontDistributionOriginSslProtocols$]
];
var AwsCloudFrontDistributionOriginGroup$ = [3, n0, _ACFDOG,
    0,
    [_FC],
    [() => AwsCloudFrontDistributionOriginGroupFailover$]
];
var AwsCloudFrontDistributionOriginGroupFailover$ = [3, n0, _ACFDOGF,
    0,
    [_SCt],
    [() => AwsCloudFrontDistributionOriginGroupFailoverStatusCodes$]
];
var AwsCloudFrontDistributionOriginGroupFailoverStatusCodes$ = [3, n0, _ACFDOGFSC,
    0,
    [_It, _Q],
    [64 | 1, 1]
];
var AwsCloudFrontDistributionOriginGroups$ = [3, n0, _ACFDOGw,
    0,
    [_It],
    [() => AwsCloudFrontDistributionOriginGroupsItemList]
];
var AwsCloudFrontDistributionOriginItem$ = [3, n0, _ACFDOI,
    0,
    [_DNo, _I, _OP, _SOC, _COC],
    [0, 0, 0, () => AwsCloudFrontDistributionOriginS3OriginConfig$, () => AwsCloudFrontDistributionOriginCustomOriginConfig$]
];
var AwsCloudFrontDistributionOrigins$ = [3, n0, _ACFDO,
    0,
    [_It],
    [() => AwsCloudFrontDistributionOriginItemList]
];
var AwsCloudFrontDistributionOriginS3OriginConfig$ = [3, n0, _ACFDOSOC,
    0,
    [_OAI],
    [0]
];
var AwsCloudFrontDistributionOriginSslProtocols$ = [3, n0, _ACFDOSP,
    0,
    [_It, _Q],
    [64 | 0, 1]
];
var AwsCloudFrontDistributionViewerCertificate$ = [3, n0, _ACFDVC,
    0,
    [_ACA, _Ce, _CSe, _CFDC, _ICI, _MPV, _SSM],
    [0, 0, 0, 2, 0, 0, 0]
];
var AwsCloudTrailTrailDetails$ = [3, n0, _ACTTD,
    0,
    [_CWLLGA, _CWLRA, _HCES, _HR, _IGSE, _IMRT, _IOT, _KKI, _LFVE, _N, _SBN, _SKP, _STA, _STN, _TA],
    [0, 0, 2, 0, 2, 2, 2, 0, 2, 0, 0, 0, 0, 0, 0]
];
var AwsCloudWatchAlarmDetails$ = [3, n0, _ACWAD,
    0,
    [_AEc, _AAl, _AAla, _ACUT, _ADl, _AN, _CO, _DTA, _Di, _ELSCP, _EP, _ES, _IDA, _MN, _Na, _OA, _Per, _Stat, _Th, _TMI, _TMD, _Un],
    [2, 64 | 0, 0, 0, 0, 0, 0, 1, () => AwsCloudWatchAlarmDimensionsList, 0, 1, 0, 64 | 0, 0, 0, 64 | 0, 1, 0, 1, 0, 0, 0]
];
var AwsCloudWatchAlarmDimensionsDetails$ = [3, n0, _ACWADD,
    0,
    [_N, _Val],
    [0, 0]
];
var AwsCodeBuildProjectArtifactsDetails$ = [3, n0, _ACBPAD,
    0,
    [_AIr, _ED, _Loc, _N, _NTa, _OAN, _Pa, _Pat, _T],
    [0, 2, 0, 0, 0, 2, 0, 0, 0]
];
var AwsCodeBuildProjectDetails$ = [3, n0, _ACBPD,
    0,
    [_EK, _Art, _Env, _N, _So, _SR, _LCo, _VCp, _SAe],
    [0, () => AwsCodeBuildProjectArtifactsList, () => AwsCodeBuildProjectEnvironment$, 0, () => AwsCodeBuildProjectSource$, 0, () => AwsCodeBuildProjectLogsConfigDetails$, () => AwsCodeBuildProjectVpcConfig$, () => AwsCodeBuildProjectArtifactsList]
];
var AwsCodeBuildProjectEnvironment$ = [3, n0, _ACBPE,
    0,
    [_Ce, _EVn, _PM, _IPCT, _RCe, _T],
    [0, () => AwsCodeBuildProjectEnvironmentEnvironmentVariablesList, 2, 0, () => AwsCodeBuildProjectEnvironmentRegistryCredential$, 0]
];
var AwsCodeBuildProjectEnvironmentEnvironmentVariablesDetails$ = [3, n0, _ACBPEEVD,
    0,
    [_N, _T, _Val],
    [0, 0, 0]
];
var AwsCodeBuildProjectEnvironmentRegistryCredential$ = [3, n0, _ACBPERC,
    0,
    [_Cre, _CP],
    [0, 0]
];
var AwsCodeBuildProjectLogsConfigCloudWatchLogsDetails$ = [3, n0, _ACBPLCCWLD,
    0,
    [_GN, _St, _SNtr],
    [0, 0, 0]
];
var AwsCodeBuildProjectLogsConfigDetails$ = [3, n0, _ACBPLCD,
    0,
    [_CWL, _SLo],
    [() => AwsCodeBuildProjectLogsConfigCloudWatchLogsDetails$, () => AwsCodeBuildProjectLogsConfigS3LogsDetails$]
];
var AwsCodeBuildProjectLogsConfigS3LogsDetails$ = [3, n0, _ACBPLCSLD,
    0,
    [_ED, _Loc, _St],
    [2, 0, 0]
];
var AwsCodeBuildProjectSource$ = [3, n0, _ACBPS,
    0,
    [_T, _Loc, _GCD, _IS],
    [0, 0, 1, 2]
];
var AwsCodeBuildProjectVpcConfig$ = [3, n0, _ACBPVC,
    0,
    [_VIp, _Sub, _SGI],
    [0, 64 | 0, 64 | 0]
];
var AwsCorsConfiguration$ = [3, n0, _ACC,
    0,
    [_AO, _AC, _EH, _MA, _AM, _AH],
    [64 | 0, 2, 64 | 0, 1, 64 | 0, 64 | 0]
];
var AwsDmsEndpointDetails$ = [3, n0, _ADED,
    0,
    [_CAe, _DNa, _EAn, _EI, _ETn, _EN, _EIx, _ECA, _KKI, _P, _SNe, _SMs, _Use],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]
];
var AwsDmsReplicationInstanceDetails$ = [3, n0, _ADRID,
    0,
    [_ASl, _AMVU, _AZ, _EV, _KKI, _MAZ, _PMW, _PAu, _RIC, _RII, _RSG, _VSG],
    [1, 2, 0, 0, 0, 2, 0, 2, 0, 0, () => AwsDmsReplicationInstanceReplicationSubnetGroupDetails$, () => AwsDmsReplicationInstanceVpcSecurityGroupsList]
];
var AwsDmsReplicationInstanceReplicationSubnetGroupDetails$ = [3, n0, _ADRIRSGD,
    0,
    [_RSGI],
    [0]
];
var AwsDmsReplicationInstanceVpcSecurityGroupsDetails$ = [3, n0, _ADRIVSGD,
    0,
    [_VSGI],
    [0]
];
var AwsDmsReplicationTaskDetails$ = [3, n0, _ADRTD,
    0,
    [_CSP, _CST, _CSPd, _MT, _I, _RIe, _RIA, _RTIe, _RTS, _SEA, _TM, _TEA, _TD],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
];
var AwsDynamoDbTableAttributeDefinition$ = [3, n0, _ADDTAD,
    0,
    [_ANt, _ATt],
    [0, 0]
];
var AwsDynamoDbTableBillingModeSummary$ = [3, n0, _ADDTBMS,
    0,
    [_BM, _LUTPPRDT],
    [0, 0]
];
var AwsDynamoDbTableDetails$ = [3, n0, _ADDTD,
    0,
    [_ADt, _BMS, _CDT, _GSI, _GTV, _ICt, _KS, _LSA, _LSL, _LSI, _PTro, _Re, _RSes, _SD, _SSt, _TI, _TN, _TSB, _TS, _DPE],
    [() => AwsDynamoDbTableAttributeDefinitionList, () => AwsDynamoDbTableBillingModeSummary$, 0, () => AwsDynamoDbTableGlobalSecondaryIndexList, 0, 1, () => AwsDynamoDbTableKeySchemaList, 0, 0, () => AwsDynamoDbTableLocalSecondaryIndexList, () => AwsDynamoDbTableProvisionedThroughput$, () => AwsDynamoDbTableReplicaList, () => AwsDynamoDbTableRestoreSummary$, () => AwsDynamoDbTableSseDescription$, () => AwsDynamoDbTableStreamSpecification$, 0, 0, 1, 0, 2]
];
var AwsDynamoDbTableGlobalSecondaryIndex$ = [3, n0, _ADDTGSI,
    0,
    [_Ba, _IAn, _IN, _ISB, _ISn, _ICt, _KS, _Pro, _PTro],
    [2, 0, 0, 1, 0, 1, () => AwsDynamoDbTableKeySchemaList, () => AwsDynamoDbTableProjection$, () => AwsDynamoDbTableProvisionedThroughput$]
];
var AwsDynamoDbTableKeySchema$ = [3, n0, _ADDTKS,
    0,
    [_ANt, _KT],
    [0, 0]
];
var AwsDynamoDbTableLocalSecondaryIndex$ = [3, n0, _ADDTLSI,
    0,
    [_IAn, _IN, _KS, _Pro],
    [0, 0, () => AwsDynamoDbTableKeySchemaList, () => AwsDynamoDbTableProjection$]
];
var AwsDynamoDbTableProjection$ = [3, n0, _ADDTP,
    0,
    [_NKA, _PTroj],
    [64 | 0, 0]
];
var AwsDynamoDbTableProvisionedThroughput$ = [3, n0, _ADDTPT,
    0,
    [_LDDT, _LIDT, _NODT, _RCU, _WCU],
    [0, 0, 1, 1, 1]
];
var AwsDynamoDbTableProvisionedThroughputOverride$ = [3, n0, _ADDTPTO,
    0,
    [_RCU],
    [1]
];
var AwsDynamoDbTableReplica$ = [3, n0, _ADDTR,
    0,
    [_GSI, _KMKI, _PTO, _RNe, _RSep, _RSD],
    [() => AwsDynamoDbTableReplicaGlobalSecondaryIndexList, 0, () => AwsDynamoDbTableProvisionedThroughputOverride$, 0, 0, 0]
];
var AwsDynamoDbTableReplicaGlobalSecondaryIndex$ = [3, n0, _ADDTRGSI,
    0,
    [_IN, _PTO],
    [0, () => AwsDynamoDbTableProvisionedThroughputOverride$]
];
var AwsDynamoDbTableRestoreSummary$ = [3, n0, _ADDTRS,
    0,
    [_SBA, _STAo, _RDT, _RIP],
    [0, 0, 0, 2]
];
var AwsDynamoDbTableSseDescription$ = [3, n0, _ADDTSD,
    0,
    [_IEDT, _St, _STs, _KMKA],
    [0, 0, 0, 0]
];
var AwsDynamoDbTableStreamSpecification$ = [3, n0, _ADDTSS,
    0,
    [_SEt, _SVT],
    [2, 0]
];
var AwsEc2ClientVpnEndpointAuthenticationOptionsActiveDirectoryDetails$ = [3, n0, _AECVEAOADD,
    0,
    [_DIi],
    [0]
];
var AwsEc2ClientVpnEndpointAuthenticationOptionsDetails$ = [3, n0, _AECVEAOD,
    0,
    [_T, _ADc, _MAu, _FA],
    [0, () => AwsEc2ClientVpnEndpointAuthenticationOptionsActiveDirectoryDetails$, () => AwsEc2ClientVpnEndpointAuthenticationOptionsMutualAuthenticationDetails$, () => AwsEc2ClientVpnEndpointAuthenticationOptionsFederatedAuthenticationDetails$]
];
var AwsEc2ClientVpnEndpointAuthenticationOptionsFederatedAuthenticationDetails$ = [3, n0, _AECVEAOFAD,
    0,
    [_SPA, _SSSPA],
    [0, 0]
];
var AwsEc2ClientVpnEndpointAuthenticationOptionsMutualAuthenticationDetails$ = [3, n0, _AECVEAOMAD,
    0,
    [_CRCC],
    [0]
];
var AwsEc2ClientVpnEndpointClientConnectOptionsDetails$ = [3, n0, _AECVECCOD,
    0,
    [_Ena, _LFA, _St],
    [2, 0, () => AwsEc2ClientVpnEndpointClientConnectOptionsStatusDetails$]
];
var AwsEc2ClientVpnEndpointClientConnectOptionsStatusDetails$ = [3, n0, _AECVECCOSD,
    0,
    [_C, _M],
    [0, 0]
];
var AwsEc2ClientVpnEndpointClientLoginBannerOptionsDetails$ = [3, n0, _AECVECLBOD,
    0,
    [_Ena, _BT],
    [2, 0]
];
var AwsEc2ClientVpnEndpointConnectionLogOptionsDetails$ = [3, n0, _AECVECLOD,
    0,
    [_Ena, _CLG, _CLS],
    [2, 0, 0]
];
var AwsEc2ClientVpnEndpointDetails$ = [3, n0, _AECVED,
    0,
    [_CVEI, _D, _CCB, _DS, _STp, _TP, _VP, _SCA, _AOu, _CLO, _SGIS, _VIp, _SSPU, _CCO, _STH, _CLBO],
    [0, 0, 0, 64 | 0, 2, 0, 1, 0, () => AwsEc2ClientVpnEndpointAuthenticationOptionsList, () => AwsEc2ClientVpnEndpointConnectionLogOptionsDetails$, 64 | 0, 0, 0, () => AwsEc2ClientVpnEndpointClientConnectOptionsDetails$, 1, () => AwsEc2ClientVpnEndpointClientLoginBannerOptionsDetails$]
];
var AwsEc2EipDetails$ = [3, n0, _AEED,
    0,
    [_IIn, _PI, _AIl, _AIs, _Do, _PIP, _NBG, _NII, _NIOI, _PIA],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
];
var AwsEc2InstanceDetails$ = [3, n0, _AEID,
    0,
    [_T, _IIm, _IVA, _IVAp, _KN, _IIPA, _VIp, _SIu, _LA, _NI, _VTi, _MO, _Mo],
    [0, 0, 64 | 0, 64 | 0, 0, 0, 0, 0, 0, () => AwsEc2InstanceNetworkInterfacesList, 0, () => AwsEc2InstanceMetadataOptions$, () => AwsEc2InstanceMonitoringDetails$]
];
var AwsEc2InstanceMetadataOptions$ = [3, n0, _AEIMO,
    0,
    [_HE, _HPI, _HPRHL, _HT, _IMT],
    [0, 0, 1, 0, 0]
];
var AwsEc2InstanceMonitoringDetails$ = [3, n0, _AEIMD,
    0,
    [_Sta],
    [0]
];
var AwsEc2InstanceNetworkInterfacesDetails$ = [3, n0, _AEINID,
    0,
    [_NII],
    [0]
];
var AwsEc2LaunchTemplateDataBlockDeviceMappingSetDetails$ = [3, n0, _AELTDBDMSD,
    0,
    [_DN, _Eb, _ND, _VN],
    [0, () => AwsEc2LaunchTemplateDataBlockDeviceMappingSetEbsDetails$, 0, 0]
];
var AwsEc2LaunchTemplateDataBlockDeviceMappingSetEbsDetails$ = [3, n0, _AELTDBDMSED,
    0,
    [_DOT, _En, _Io, _KKI, _SIn, _Thr, _VSo, _VT],
    [2, 2, 1, 0, 0, 1, 1, 0]
];
var AwsEc2LaunchTemplateDataCapacityReservationSpecificationCapacityReservationTargetDetails$ = [3, n0, _AELTDCRSCRTD,
    0,
    [_CRI, _CRRGA],
    [0, 0]
];
var AwsEc2LaunchTemplateDataCapacityReservationSpecificationDetails$ = [3, n0, _AELTDCRSD,
    0,
    [_CRP, _CRT],
    [0, () => AwsEc2LaunchTemplateDataCapacityReservationSpecificationCapacityReservationTargetDetails$]
];
var AwsEc2LaunchTemplateDataCpuOptionsDetails$ = [3, n0, _AELTDCOD,
    0,
    [_CCo, _TPC],
    [1, 1]
];
var AwsEc2LaunchTemplateDataCreditSpecificationDetails$ = [3, n0, _AELTDCSD,
    0,
    [_CCp],
    [0]
];
var AwsEc2LaunchTemplateDataDetails$ = [3, n0, _AELTDD,
    0,
    [_BDMS, _CRS, _COp, _CSr, _DAS, _DAT, _EOb, _EGSS, _EIAS, _EOnc, _HO, _IIP, _IIm, _IISB, _IMO, _IR, _ITn, _KI, _KN, _LSi, _MOa, _MO, _Mo, _NIS, _Pl, _PDNO, _RDI, _SGIS, _SGS, _UD],
    [() => AwsEc2LaunchTemplateDataBlockDeviceMappingSetList, () => AwsEc2LaunchTemplateDataCapacityReservationSpecificationDetails$, () => AwsEc2LaunchTemplateDataCpuOptionsDetails$, () => AwsEc2LaunchTemplateDataCreditSpecificationDetails$, 2, 2, 2, () => AwsEc2LaunchTemplateDataElasticGpuSpecificationSetList, () => AwsEc2LaunchTemplateDataElasticInferenceAcceleratorSetList, () => AwsEc2LaunchTemplateDataEnclaveOptionsDetails$, () => AwsEc2LaunchTemplateDataHibernationOptionsDetails$, () => AwsEc2LaunchTemplateDataIamInstanceProfileDetails$, 0, 0, () => AwsEc2LaunchTemplateDataInstanceMarketOptionsDetails$, () => AwsEc2LaunchTemplateDataInstanceRequirementsDetails$, 0, 0, 0, () => AwsEc2LaunchTemplateDataLicenseSetList, () => AwsEc2LaunchTemplateDataMaintenanceOptionsDetails$, () => AwsEc2LaunchTemplateDataMetadataOptionsDetails$, () => AwsEc2LaunchTemplateDataMonitoringDetails$, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetList, () => AwsEc2LaunchTemplateDataPlacementDetails$, () => AwsEc2LaunchTemplateDataPrivateDnsNameOptionsDetails$, 0, 64 | 0, 64 | 0, 0]
];
var AwsEc2LaunchTemplateDataElasticGpuSpecificationSetDetails$ = [3, n0, _AELTDEGSSD,
    0,
    [_T],
    [0]
];
var AwsEc2LaunchTemplateDataElasticInferenceAcceleratorSetDetails$ = [3, n0, _AELTDEIASD,
    0,
    [_Cou, _T],
    [1, 0]
];
var AwsEc2LaunchTemplateDataEnclaveOptionsDetails$ = [3, n0, _AELTDEOD,
    0,
    [_Ena],
    [2]
];
var AwsEc2LaunchTemplateDataHibernationOptionsDetails$ = [3, n0, _AELTDHOD,
    0,
    [_Confi],
    [2]
];
var AwsEc2LaunchTemplateDataIamInstanceProfileDetails$ = [3, n0, _AELTDIIPD,
    0,
    [_Ar, _N],
    [0, 0]
];
var AwsEc2LaunchTemplateDataInstanceMarketOptionsDetails$ = [3, n0, _AELTDIMOD,
    0,
    [_MTa, _SO],
    [0, () => AwsEc2LaunchTemplateDataInstanceMarketOptionsSpotOptionsDetails$]
];
var AwsEc2LaunchTemplateDataInstanceMarketOptionsSpotOptionsDetails$ = [3, n0, _AELTDIMOSOD,
    0,
    [_BDMl, _IIB, _MP, _SIT, _VU],
    [1, 0, 0, 0, 0]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorCountDetails$ = [3, n0, _AELTDIRACD,
    0,
    [_Max, _Mi],
    [1, 1]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorTotalMemoryMiBDetails$ = [3, n0, _AELTDIRATMMBD,
    0,
    [_Max, _Mi],
    [1, 1]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsBaselineEbsBandwidthMbpsDetails$ = [3, n0, _AELTDIRBEBMD,
    0,
    [_Max, _Mi],
    [1, 1]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsDetails$ = [3, n0, _AELTDIRD,
    0,
    [_ACc, _AMc, _ANc, _ATMMB, _ATcc, _BMa, _BEBM, _BPu, _CM, _EIT, _IG, _LSo, _LST, _MGBPVC, _MMB, _NIC, _ODMPPOLP, _RHS, _SMPPOLP, _TLSGB, _VCC],
    [() => AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorCountDetails$, 64 | 0, 64 | 0, () => AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorTotalMemoryMiBDetails$, 64 | 0, 0, () => AwsEc2LaunchTemplateDataInstanceRequirementsBaselineEbsBandwidthMbpsDetails$, 0, 64 | 0, 64 | 0, 64 | 0, 0, 64 | 0, () => AwsEc2LaunchTemplateDataInstanceRequirementsMemoryGiBPerVCpuDetails$, () => AwsEc2LaunchTemplateDataInstanceRequirementsMemoryMiBDetails$, () => AwsEc2LaunchTemplateDataInstanceRequirementsNetworkInterfaceCountDetails$, 1, 2, 1, () => AwsEc2LaunchTemplateDataInstanceRequirementsTotalLocalStorageGBDetails$, () => AwsEc2LaunchTemplateDataInstanceRequirementsVCpuCountDetails$]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsMemoryGiBPerVCpuDetails$ = [3, n0, _AELTDIRMGBPVCD,
    0,
    [_Max, _Mi],
    [1, 1]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsMemoryMiBDetails$ = [3, n0, _AELTDIRMMBD,
    0,
    [_Max, _Mi],
    [1, 1]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsNetworkInterfaceCountDetails$ = [3, n0, _AELTDIRNICD,
    0,
    [_Max, _Mi],
    [1, 1]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsTotalLocalStorageGBDetails$ = [3, n0, _AELTDIRTLSGBD,
    0,
    [_Max, _Mi],
    [1, 1]
];
var AwsEc2LaunchTemplateDataInstanceRequirementsVCpuCountDetails$ = [3, n0, _AELTDIRVCCD,
    0,
    [_Max, _Mi],
    [1, 1]
];
var AwsEc2LaunchTemplateDataLicenseSetDetails$ = [3, n0, _AELTDLSD,
    0,
    [_LCA],
    [0]
];
var AwsEc2LaunchTemplateDataMaintenanceOptionsDetails$ = [3, n0, _AELTDMOD,
    0,
    [_ARu],
    [0]
];
var AwsEc2LaunchTemplateDataMetadataOptionsDetails$ = [3, n0, _AELTDMODw,
    0,
    [_HE, _HPI, _HT, _HPRHL, _IMT],
    [0, 0, 0, 1, 0]
];
var AwsEc2LaunchTemplateDataMonitoringDetails$ = [3, n0, _AELTDMD,
    0,
    [_Ena],
    [2]
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetDetails$ = [3, n0, _AELTDNISD,
    0,
    [_ACIA, _APIA, _DOT, _D, _DIe, _Gr, _ITnt, _IPC, _IP, _IAC, _IAp, _IPCp, _IPp, _NCI, _NII, _PIA, _PIAr, _SPIAC, _SIu],
    [2, 2, 2, 0, 1, 64 | 0, 0, 1, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv4PrefixesList, 1, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6AddressesList, 1, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6PrefixesList, 1, 0, 0, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetPrivateIpAddressesList, 1, 0]
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv4PrefixesDetails$ = [3, n0, _AELTDNISIPD,
    0,
    [_IPpv],
    [0]
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6AddressesDetails$ = [3, n0, _AELTDNISIAD,
    0,
    [_IApv],
    [0]
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6PrefixesDetails$ = [3, n0, _AELTDNISIPDw,
    0,
    [_IPpvr],
    [0]
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetPrivateIpAddressesDetails$ = [3, n0, _AELTDNISPIAD,
    0,
    [_Pri, _PIA],
    [2, 0]
];
var AwsEc2LaunchTemplateDataPlacementDetails$ = [3, n0, _AELTDPD,
    0,
    [_Af, _AZ, _GN, _HI, _HRGA, _PNa, _SDp, _Te],
    [0, 0, 0, 0, 0, 1, 0, 0]
];
var AwsEc2LaunchTemplateDataPrivateDnsNameOptionsDetails$ = [3, n0, _AELTDPDNOD,
    0,
    [_ERNDAAAAR, _ERNDAR, _HTo],
    [2, 2, 0]
];
var AwsEc2LaunchTemplateDetails$ = [3, n0, _AELTD,
    0,
    [_LTN, _I, _LTD, _DVN, _LVN],
    [0, 0, () => AwsEc2LaunchTemplateDataDetails$, 1, 1]
];
var AwsEc2NetworkAclAssociation$ = [3, n0, _AENAA,
    0,
    [_NAAI, _NAI, _SIu],
    [0, 0, 0]
];
var AwsEc2NetworkAclDetails$ = [3, n0, _AENAD,
    0,
    [_IDs, _NAI, _OIw, _VIp, _As, _Ent],
    [2, 0, 0, 0, () => AwsEc2NetworkAclAssociationList, () => AwsEc2NetworkAclEntryList]
];
var AwsEc2NetworkAclEntry$ = [3, n0, _AENAE,
    0,
    [_CBi, _Eg, _ITC, _ICB, _PR, _Prot, _RAu, _RNu],
    [0, 2, () => IcmpTypeCode$, 0, () => PortRangeFromTo$, 0, 0, 1]
];
var AwsEc2NetworkInterfaceAttachment$ = [3, n0, _AENIA,
    0,
    [_ATtt, _AIt, _DOT, _DIe, _IIn, _IOI, _St],
    [0, 0, 2, 1, 0, 0, 0]
];
var AwsEc2NetworkInterfaceDetails$ = [3, n0, _AENID,
    0,
    [_At, _NII, _SG, _SDC, _IVAp, _PIAr, _PDN, _PI],
    [() => AwsEc2NetworkInterfaceAttachment$, 0, () => AwsEc2NetworkInterfaceSecurityGroupList, 2, () => AwsEc2NetworkInterfaceIpV6AddressList, () => AwsEc2NetworkInterfacePrivateIpAddressList, 0, 0]
];
var AwsEc2NetworkInterfaceIpV6AddressDetail$ = [3, n0, _AENIIVAD,
    0,
    [_IVApd],
    [0]
];
var AwsEc2NetworkInterfacePrivateIpAddressDetail$ = [3, n0, _AENIPIAD,
    0,
    [_PIA, _PDNr],
    [0, 0]
];
var AwsEc2NetworkInterfaceSecurityGroup$ = [3, n0, _AENISG,
    0,
    [_GN, _GIr],
    [0, 0]
];
var AwsEc2RouteTableDetails$ = [3, n0, _AERTD,
    0,
    [_ASssoc, _OIw, _PVS, _RTI, _RSou, _VIp],
    [() => AssociationSetList, 0, () => PropagatingVgwSetList, 0, () => RouteSetList, 0]
];
var AwsEc2SecurityGroupDetails$ = [3, n0, _AESGD,
    0,
    [_GN, _GIr, _OIw, _VIp, _IPpe, _IPE],
    [0, 0, 0, 0, () => AwsEc2SecurityGroupIpPermissionList, () => AwsEc2SecurityGroupIpPermissionList]
];
var AwsEc2SecurityGroupIpPermission$ = [3, n0, _AESGIP,
    0,
    [_IPpr, _FP, _TPo, _UIGP, _IRp, _IRpv, _PLI],
    [0, 1, 1, () => AwsEc2SecurityGroupUserIdGroupPairList, () => AwsEc2SecurityGroupIpRangeList, () => AwsEc2SecurityGroupIpv6RangeList, () => AwsEc2SecurityGroupPrefixListIdList]
];
var AwsEc2SecurityGroupIpRange$ = [3, n0, _AESGIR,
    0,
    [_CIi],
    [0]
];
var AwsEc2SecurityGroupIpv6Range$ = [3, n0, _AESGIRw,
    0,
    [_CIid],
    [0]
];
var AwsEc2SecurityGroupPrefixListId$ = [3, n0, _AESGPLI,
    0,
    [_PLIr],
    [0]
];
var AwsEc2SecurityGroupUserIdGroupPair$ = [3, n0, _AESGUIGP,
    0,
    [_GIr, _GN, _PS, _UI, _VIp, _VPCI],
    [0, 0, 0, 0, 0, 0]
];
var AwsEc2SubnetDetails$ = [3, n0, _AESD,
    0,
    [_AIAOC, _AZ, _AZI, _AIAC, _CBi, _DFA, _MPIOL, _OIw, _Sta, _SAu, _SIu, _VIp, _ICBAS],
    [2, 0, 0, 1, 0, 2, 2, 0, 0, 0, 0, 0, () => Ipv6CidrBlockAssociationList]
];
var AwsEc2TransitGatewayDetails$ = [3, n0, _AETGD,
    0,
    [_I, _D, _DRTP, _AASA, _DRTA, _TGCB, _ADRTI, _PDRTI, _VES, _DSn, _MSu, _ASA],
    [0, 0, 0, 0, 0, 64 | 0, 0, 0, 0, 0, 0, 1]
];
var AwsEc2VolumeAttachment$ = [3, n0, _AEVA,
    0,
    [_ATtt, _DOT, _IIn, _St],
    [0, 2, 0, 0]
];
var AwsEc2VolumeDetails$ = [3, n0, _AEVD,
    0,
    [_CTre, _DN, _En, _Si, _SIn, _St, _KKI, _Att, _VIo, _VT, _VSS],
    [0, 0, 2, 1, 0, 0, 0, () => AwsEc2VolumeAttachmentList, 0, 0, 0]
];
var AwsEc2VpcDetails$ = [3, n0, _AEVDw,
    0,
    [_CBAS, _ICBAS, _DOI, _Sta],
    [() => CidrBlockAssociationList, () => Ipv6CidrBlockAssociationList, 0, 0]
];
var AwsEc2VpcEndpointServiceDetails$ = [3, n0, _AEVESD,
    0,
    [_ARc, _AZv, _BEDN, _MVE, _GLBA, _NLBA, _PDNr, _SIer, _SN, _SSe, _STe],
    [2, 64 | 0, 64 | 0, 2, 64 | 0, 64 | 0, 0, 0, 0, 0, () => AwsEc2VpcEndpointServiceServiceTypeList]
];
var AwsEc2VpcEndpointServiceServiceTypeDetails$ = [3, n0, _AEVESSTD,
    0,
    [_STe],
    [0]
];
var AwsEc2VpcPeeringConnectionDetails$ = [3, n0, _AEVPCD,
    0,
    [_AVI, _ETx, _RVI, _St, _VPCI],
    [() => AwsEc2VpcPeeringConnectionVpcInfoDetails$, 0, () => AwsEc2VpcPeeringConnectionVpcInfoDetails$, () => AwsEc2VpcPeeringConnectionStatusDetails$, 0]
];
var AwsEc2VpcPeeringConnectionStatusDetails$ = [3, n0, _AEVPCSD,
    0,
    [_C, _M],
    [0, 0]
];
var AwsEc2VpcPeeringConnectionVpcInfoDetails$ = [3, n0, _AEVPCVID,
    0,
    [_CBi, _CBS, _ICBS, _OIw, _PO, _Reg, _VIp],
    [0, () => VpcInfoCidrBlockSetList, () => VpcInfoIpv6CidrBlockSetList, 0, () => VpcInfoPeeringOptionsDetails$, 0, 0]
];
var AwsEc2VpnConnectionDetails$ = [3, n0, _AEVCD,
    0,
    [_VCI, _Sta, _CGI, _CGC, _T, _VGI, _Cat, _VTg, _Op, _Ro, _TGI],
    [0, 0, 0, 0, 0, 0, 0, () => AwsEc2VpnConnectionVgwTelemetryList, () => AwsEc2VpnConnectionOptionsDetails$, () => AwsEc2VpnConnectionRoutesList, 0]
];
var AwsEc2VpnConnectionOptionsDetails$ = [3, n0, _AEVCOD,
    0,
    [_SRO, _TO],
    [2, () => AwsEc2VpnConnectionOptionsTunnelOptionsList]
];
var AwsEc2VpnConnectionOptionsTunnelOptionsDetails$ = [3, n0, _AEVCOTOD,
    0,
    [_DTS, _IV, _OIA, _PDGN, _PEA, _PIAh, _PLS, _PDGNh, _PEAh, _PIAha, _PLSh, _PSK, _RFP, _RMTS, _RWS, _TIC],
    [1, 64 | 0, 0, 64 | 1, 64 | 0, 64 | 0, 1, 64 | 1, 64 | 0, 64 | 0, 1, 0, 1, 1, 1, 0]
];
var AwsEc2VpnConnectionRoutesDetails$ = [3, n0, _AEVCRD,
    0,
    [_DCBe, _Sta],
    [0, 0]
];
var AwsEc2VpnConnectionVgwTelemetryDetails$ = [3, n0, _AEVCVTD,
    0,
    [_ARCc, _CAe, _LSC, _OIA, _St, _SM],
    [1, 0, 0, 0, 0, 0]
];
var AwsEcrContainerImageDetails$ = [3, n0, _AECID,
    0,
    [_RIeg, _RNep, _Arc, _IDm, _ITm, _IPA],
    [0, 0, 0, 0, 64 | 0, 0]
];
var AwsEcrRepositoryDetails$ = [3, n0, _AERD,
    0,
    [_Ar, _ISC, _ITM, _LP, _RNep, _RPT],
    [0, () => AwsEcrRepositoryImageScanningConfigurationDetails$, 0, () => AwsEcrRepositoryLifecyclePolicyDetails$, 0, 0]
];
var AwsEcrRepositoryImageScanningConfigurationDetails$ = [3, n0, _AERISCD,
    0,
    [_SOP],
    [2]
];
var AwsEcrRepositoryLifecyclePolicyDetails$ = [3, n0, _AERLPD,
    0,
    [_LPT, _RIeg],
    [0, 0]
];
var AwsEcsClusterClusterSettingsDetails$ = [3, n0, _AECCSD,
    0,
    [_N, _Val],
    [0, 0]
];
var AwsEcsClusterConfigurationDetails$ = [3, n0, _AECCD,
    0,
    [_ECC],
    [() => AwsEcsClusterConfigurationExecuteCommandConfigurationDetails$]
];
var AwsEcsClusterConfigurationExecuteCommandConfigurationDetails$ = [3, n0, _AECCECCD,
    0,
    [_KKI, _LCog, _Lo],
    [0, () => AwsEcsClusterConfigurationExecuteCommandConfigurationLogConfigurationDetails$, 0]
];
var AwsEcsClusterConfigurationExecuteCommandConfigurationLogConfigurationDetails$ = [3, n0, _AECCECCLCD,
    0,
    [_CWEE, _CWLGN, _SBN, _SEE, _SKP],
    [2, 0, 0, 2, 0]
];
var AwsEcsClusterDefaultCapacityProviderStrategyDetails$ = [3, n0, _AECDCPSD,
    0,
    [_Bas, _CPa, _We],
    [1, 0, 1]
];
var AwsEcsClusterDetails$ = [3, n0, _AECD,
    0,
    [_CAl, _ASC, _CPap, _CSl, _Conf, _DCPS, _CNl, _RCIC, _RTC, _St],
    [0, 1, 64 | 0, () => AwsEcsClusterClusterSettingsList, () => AwsEcsClusterConfigurationDetails$, () => AwsEcsClusterDefaultCapacityProviderStrategyList, 0, 1, 1, 0]
];
var AwsEcsContainerDetails$ = [3, n0, _AECDw,
    0,
    [_N, _Im, _MPo, _Priv],
    [0, 0, () => AwsMountPointList, 2]
];
var AwsEcsServiceCapacityProviderStrategyDetails$ = [3, n0, _AESCPSD,
    0,
    [_Bas, _CPa, _We],
    [1, 0, 1]
];
var AwsEcsServiceDeploymentConfigurationDeploymentCircuitBreakerDetails$ = [3, n0, _AESDCDCBD,
    0,
    [_Enab, _Rol],
    [2, 2]
];
var AwsEcsServiceDeploymentConfigurationDetails$ = [3, n0, _AESDCD,
    0,
    [_DCBep, _MPa, _MHP],
    [() => AwsEcsServiceDeploymentConfigurationDeploymentCircuitBreakerDetails$, 1, 1]
];
var AwsEcsServiceDeploymentControllerDetails$ = [3, n0, _AESDCDw,
    0,
    [_T],
    [0]
];
var AwsEcsServiceDetails$ = [3, n0, _AESDw,
    0,
    [_CPS, _Cl, _DC, _DCe, _DCes, _EEMT, _EEC, _HCGPS, _LTa, _LB, _N, _NC, _PCl, _PSl, _PV, _PTrop, _Role, _SSc, _SAer, _SN, _SRe, _TDa],
    [() => AwsEcsServiceCapacityProviderStrategyList, 0, () => AwsEcsServiceDeploymentConfigurationDetails$, () => AwsEcsServiceDeploymentControllerDetails$, 1, 2, 2, 1, 0, () => AwsEcsServiceLoadBalancersList, 0, () => AwsEcsServiceNetworkConfigurationDetails$, () => AwsEcsServicePlacementConstraintsList, () => AwsEcsServicePlacementStrategiesList, 0, 0, 0, 0, 0, 0, () => AwsEcsServiceServiceRegistriesList, 0]
];
var AwsEcsServiceLoadBalancersDetails$ = [3, n0, _AESLBD,
    0,
    [_CNo, _CPo, _LBNo, _TGA],
    [0, 1, 0, 0]
];
var AwsEcsServiceNetworkConfigurationAwsVpcConfigurationDetails$ = [3, n0, _AESNCAVCD,
    0,
    [_API, _SG, _Sub],
    [0, 64 | 0, 64 | 0]
];
var AwsEcsServiceNetworkConfigurationDetails$ = [3, n0, _AESNCD,
    0,
    [_AVC],
    [() => AwsEcsServiceNetworkConfigurationAwsVpcConfigurationDetails$]
];
var AwsEcsServicePlacementConstraintsDetails$ = [3, n0, _AESPCD,
    0,
    [_Ex, _T],
    [0, 0]
];
var AwsEcsServicePlacementStrategiesDetails$ = [3, n0, _AESPSD,
    0,
    [_Fi, _T],
    [0, 0]
];
var AwsEcsServiceServiceRegistriesDetails$ = [3, n0, _AESSRD,
    0,
    [_CNo, _CPo, _P, _RAeg],
    [0, 1, 1, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsDependsOnDetails$ = [3, n0, _AETDCDDOD,
    0,
    [_Cond, _CNo],
    [0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsDetails$ = [3, n0, _AETDCDD,
    0,
    [_Comm, _Cp, _DO, _DNi, _DSD, _DSns, _DL, _DSO, _EPn, _Env, _EF, _Es, _EHx, _FCi, _HC, _Ho, _Im, _In, _Lin, _LPi, _LCog, _Mem, _MR, _MPo, _N, _PMo, _Priv, _PTs, _RRF, _RCep, _RRes, _Sec, _STt, _STto, _SCy, _Ul, _U, _VF, _WD],
    [64 | 0, 1, () => AwsEcsTaskDefinitionContainerDefinitionsDependsOnList, 2, 64 | 0, 64 | 0, 128 | 0, 64 | 0, 64 | 0, () => AwsEcsTaskDefinitionContainerDefinitionsEnvironmentList, () => AwsEcsTaskDefinitionContainerDefinitionsEnvironmentFilesList, 2, () => AwsEcsTaskDefinitionContainerDefinitionsExtraHostsList, () => AwsEcsTaskDefinitionContainerDefinitionsFirelensConfigurationDetails$, () => AwsEcsTaskDefinitionContainerDefinitionsHealthCheckDetails$, 0, 0, 2, 64 | 0, () => AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDetails$, () => AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationDetails$, 1, 1, () => AwsEcsTaskDefinitionContainerDefinitionsMountPointsList, 0, () => AwsEcsTaskDefinitionContainerDefinitionsPortMappingsList, 2, 2, 2, () => AwsEcsTaskDefinitionContainerDefinitionsRepositoryCredentialsDetails$, () => AwsEcsTaskDefinitionContainerDefinitionsResourceRequirementsList, () => AwsEcsTaskDefinitionContainerDefinitionsSecretsList, 1, 1, () => AwsEcsTaskDefinitionContainerDefinitionsSystemControlsList, () => AwsEcsTaskDefinitionContainerDefinitionsUlimitsList, 0, () => AwsEcsTaskDefinitionContainerDefinitionsVolumesFromList, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsEnvironmentDetails$ = [3, n0, _AETDCDED,
    0,
    [_N, _Val],
    [0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsEnvironmentFilesDetails$ = [3, n0, _AETDCDEFD,
    0,
    [_T, _Val],
    [0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsExtraHostsDetails$ = [3, n0, _AETDCDEHD,
    0,
    [_Ho, _IApd],
    [0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsFirelensConfigurationDetails$ = [3, n0, _AETDCDFCD,
    0,
    [_Op, _T],
    [128 | 0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsHealthCheckDetails$ = [3, n0, _AETDCDHCD,
    0,
    [_Comm, _Int, _Ret, _SPt, _Tim],
    [64 | 0, 1, 1, 1, 1]
];
var AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersCapabilitiesDetails$ = [3, n0, _AETDCDLPCD,
    0,
    [_Add, _Dr],
    [64 | 0, 64 | 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDetails$ = [3, n0, _AETDCDLPD,
    0,
    [_Ca, _De, _IPEn, _MSa, _SMS, _Sw, _Tm],
    [() => AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersCapabilitiesDetails$, () => AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDevicesList, 2, 1, 1, 1, () => AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersTmpfsList]
];
var AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDevicesDetails$ = [3, n0, _AETDCDLPDD,
    0,
    [_CPon, _HPo, _Perm],
    [0, 0, 64 | 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersTmpfsDetails$ = [3, n0, _AETDCDLPTD,
    0,
    [_CPon, _MOo, _Si],
    [0, 64 | 0, 1]
];
var AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationDetails$ = [3, n0, _AETDCDLCD,
    0,
    [_LD, _Op, _SOe],
    [0, 128 | 0, () => AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationSecretOptionsList]
];
var AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationSecretOptionsDetails$ = [3, n0, _AETDCDLCSOD,
    0,
    [_N, _VFa],
    [0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsMountPointsDetails$ = [3, n0, _AETDCDMPD,
    0,
    [_CPon, _ROe, _SVo],
    [0, 2, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsPortMappingsDetails$ = [3, n0, _AETDCDPMD,
    0,
    [_CPo, _HPos, _Prot],
    [1, 1, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsRepositoryCredentialsDetails$ = [3, n0, _AETDCDRCD,
    0,
    [_CPr],
    [0]
];
var AwsEcsTaskDefinitionContainerDefinitionsResourceRequirementsDetails$ = [3, n0, _AETDCDRRD,
    0,
    [_T, _Val],
    [0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsSecretsDetails$ = [3, n0, _AETDCDSD,
    0,
    [_N, _VFa],
    [0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsSystemControlsDetails$ = [3, n0, _AETDCDSCD,
    0,
    [_Na, _Val],
    [0, 0]
];
var AwsEcsTaskDefinitionContainerDefinitionsUlimitsDetails$ = [3, n0, _AETDCDUD,
    0,
    [_HL, _N, _SLof],
    [1, 0, 1]
];
var AwsEcsTaskDefinitionContainerDefinitionsVolumesFromDetails$ = [3, n0, _AETDCDVFD,
    0,
    [_ROe, _SCo],
    [2, 0]
];
var AwsEcsTaskDefinitionDetails$ = [3, n0, _AETDD,
    0,
    [_CDon, _Cp, _ERA, _Fa, _IAnf, _IMp, _Mem, _NM, _PMi, _PCl, _PCr, _RCeq, _TRA, _Vo, _St],
    [() => AwsEcsTaskDefinitionContainerDefinitionsList, 0, 0, 0, () => AwsEcsTaskDefinitionInferenceAcceleratorsList, 0, 0, 0, 0, () => AwsEcsTaskDefinitionPlacementConstraintsList, () => AwsEcsTaskDefinitionProxyConfigurationDetails$, 64 | 0, 0, () => AwsEcsTaskDefinitionVolumesList, 0]
];
var AwsEcsTaskDefinitionInferenceAcceleratorsDetails$ = [3, n0, _AETDIAD,
    0,
    [_DN, _DT],
    [0, 0]
];
var AwsEcsTaskDefinitionPlacementConstraintsDetails$ = [3, n0, _AETDPCD,
    0,
    [_Ex, _T],
    [0, 0]
];
var AwsEcsTaskDefinitionProxyConfigurationDetails$ = [3, n0, _AETDPCDw,
    0,
    [_CNo, _PCP, _T],
    [0, () => AwsEcsTaskDefinitionProxyConfigurationProxyConfigurationPropertiesList, 0]
];
var AwsEcsTaskDefinitionProxyConfigurationProxyConfigurationPropertiesDetails$ = [3, n0, _AETDPCPCPD,
    0,
    [_N, _Val],
    [0, 0]
];
var AwsEcsTaskDefinitionVolumesDetails$ = [3, n0, _AETDVD,
    0,
    [_DVC, _EVCf, _Hos, _N],
    [() => AwsEcsTaskDefinitionVolumesDockerVolumeConfigurationDetails$, () => AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationDetails$, () => AwsEcsTaskDefinitionVolumesHostDetails$, 0]
];
var AwsEcsTaskDefinitionVolumesDockerVolumeConfigurationDetails$ = [3, n0, _AETDVDVCD,
    0,
    [_Aut, _Dri, _DOr, _La, _Sc],
    [2, 0, 128 | 0, 128 | 0, 0]
];
var AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationAuthorizationConfigDetails$ = [3, n0, _AETDVEVCACD,
    0,
    [_APIc, _Ia],
    [0, 0]
];
var AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationDetails$ = [3, n0, _AETDVEVCD,
    0,
    [_ACu, _FI, _RD, _TEra, _TEP],
    [() => AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationAuthorizationConfigDetails$, 0, 0, 0, 1]
];
var AwsEcsTaskDefinitionVolumesHostDetails$ = [3, n0, _AETDVHD,
    0,
    [_SPo],
    [0]
];
var AwsEcsTaskDetails$ = [3, n0, _AETD,
    0,
    [_CAl, _TDA, _V, _CA, _SAt, _SB, _Gro, _Vo, _Cont],
    [0, 0, 0, 0, 0, 0, 0, () => AwsEcsTaskVolumeDetailsList, () => AwsEcsContainerDetailsList]
];
var AwsEcsTaskVolumeDetails$ = [3, n0, _AETVD,
    0,
    [_N, _Hos],
    [0, () => AwsEcsTaskVolumeHostDetails$]
];
var AwsEcsTaskVolumeHostDetails$ = [3, n0, _AETVHD,
    0,
    [_SPo],
    [0]
];
var AwsEfsAccessPointDetails$ = [3, n0, _AEAPD,
    0,
    [_APIc, _Ar, _CTl, _FSI, _PU, _RD],
    [0, 0, 0, 0, () => AwsEfsAccessPointPosixUserDetails$, () => AwsEfsAccessPointRootDirectoryDetails$]
];
var AwsEfsAccessPointPosixUserDetails$ = [3, n0, _AEAPPUD,
    0,
    [_Gi, _SGe, _Ui],
    [0, 64 | 0, 0]
];
var AwsEfsAccessPointRootDirectoryCreationInfoDetails$ = [3, n0, _AEAPRDCID,
    0,
    [_OGw, _OU, _Perm],
    [0, 0, 0]
];
var AwsEfsAccessPointRootDirectoryDetails$ = [3, n0, _AEAPRDD,
    0,
    [_CIr, _Pat],
    [() => AwsEfsAccessPointRootDirectoryCreationInfoDetails$, 0]
];
var AwsEksClusterDetails$ = [3, n0, _AECDws,
    0,
    [_Ar, _CAD, _CSlu, _End, _N, _RVC, _RAo, _V, _Lo],
    [0, 0, 0, 0, 0, () => AwsEksClusterResourcesVpcConfigDetails$, 0, 0, () => AwsEksClusterLoggingDetails$]
];
var AwsEksClusterLoggingClusterLoggingDetails$ = [3, n0, _AECLCLD,
    0,
    [_Ena, _Ty],
    [2, 64 | 0]
];
var AwsEksClusterLoggingDetails$ = [3, n0, _AECLD,
    0,
    [_CLl],
    [() => AwsEksClusterLoggingClusterLoggingList]
];
var AwsEksClusterResourcesVpcConfigDetails$ = [3, n0, _AECRVCD,
    0,
    [_SGI, _SIub, _EPA],
    [64 | 0, 64 | 0, 2]
];
var AwsElasticBeanstalkEnvironmentDetails$ = [3, n0, _AEBED,
    0,
    [_ANp, _Cn, _DCa, _DU, _D, _EU, _EAnv, _EIn, _EL, _ENn, _OS, _PAl, _SSN, _St, _Tie, _VL],
    [0, 0, 0, 0, 0, 0, 0, 0, () => AwsElasticBeanstalkEnvironmentEnvironmentLinks, 0, () => AwsElasticBeanstalkEnvironmentOptionSettings, 0, 0, 0, () => AwsElasticBeanstalkEnvironmentTier$, 0]
];
var AwsElasticBeanstalkEnvironmentEnvironmentLink$ = [3, n0, _AEBEEL,
    0,
    [_ENn, _LN],
    [0, 0]
];
var AwsElasticBeanstalkEnvironmentOptionSetting$ = [3, n0, _AEBEOS,
    0,
    [_Na, _ON, _RNes, _Val],
    [0, 0, 0, 0]
];
var AwsElasticBeanstalkEnvironmentTier$ = [3, n0, _AEBET,
    0,
    [_N, _T, _V],
    [0, 0, 0]
];
var AwsElasticsearchDomainDetails$ = [3, n0, _AEDD,
    0,
    [_APc, _DEO, _DIo, _DNo, _End, _Endp, _EVl, _ECCl, _EARO, _LPO, _NTNEO, _SSO, _VPCO],
    [0, () => AwsElasticsearchDomainDomainEndpointOptions$, 0, 0, 0, 128 | 0, 0, () => AwsElasticsearchDomainElasticsearchClusterConfigDetails$, () => AwsElasticsearchDomainEncryptionAtRestOptions$, () => AwsElasticsearchDomainLogPublishingOptions$, () => AwsElasticsearchDomainNodeToNodeEncryptionOptions$, () => AwsElasticsearchDomainServiceSoftwareOptions$, () => AwsElasticsearchDomainVPCOptions$]
];
var AwsElasticsearchDomainDomainEndpointOptions$ = [3, n0, _AEDDEO,
    0,
    [_EHTTPS, _TLSSP],
    [2, 0]
];
var AwsElasticsearchDomainElasticsearchClusterConfigDetails$ = [3, n0, _AEDECCD,
    0,
    [_DMC, _DMEe, _DMT, _ICn, _ITn, _ZAC, _ZAE],
    [1, 2, 0, 1, 0, () => AwsElasticsearchDomainElasticsearchClusterConfigZoneAwarenessConfigDetails$, 2]
];
var AwsElasticsearchDomainElasticsearchClusterConfigZoneAwarenessConfigDetails$ = [3, n0, _AEDECCZACD,
    0,
    [_AZC],
    [1]
];
var AwsElasticsearchDomainEncryptionAtRestOptions$ = [3, n0, _AEDEARO,
    0,
    [_Ena, _KKI],
    [2, 0]
];
var AwsElasticsearchDomainLogPublishingOptions$ = [3, n0, _AEDLPO,
    0,
    [_ISL, _SSL, _AL],
    [() => AwsElasticsearchDomainLogPublishingOptionsLogConfig$, () => AwsElasticsearchDomainLogPublishingOptionsLogConfig$, () => AwsElasticsearchDomainLogPublishingOptionsLogConfig$]
];
var AwsElasticsearchDomainLogPublishingOptionsLogConfig$ = [3, n0, _AEDLPOLC,
    0,
    [_CWLLGA, _Ena],
    [0, 2]
];
var AwsElasticsearchDomainNodeToNodeEncryptionOptions$ = [3, n0, _AEDNTNEO,
    0,
    [_Ena],
    [2]
];
var AwsElasticsearchDomainServiceSoftwareOptions$ = [3, n0, _AEDSSO,
    0,
    [_AUD, _Can, _CV, _D, _NV, _UAp, _US],
    [0, 2, 0, 0, 0, 2, 0]
];
var AwsElasticsearchDomainVPCOptions$ = [3, n0, _AEDVPCO,
    0,
    [_AZv, _SGI, _SIub, _VPCId],
    [64 | 0, 64 | 0, 64 | 0, 0]
];
var AwsElbAppCookieStickinessPolicy$ = [3, n0, _AEACSP,
    0,
    [_CNoo, _PNo],
    [0, 0]
];
var AwsElbLbCookieStickinessPolicy$ = [3, n0, _AELCSP,
    0,
    [_CEP, _PNo],
    [1, 0]
];
var AwsElbLoadBalancerAccessLog$ = [3, n0, _AELBAL,
    0,
    [_EIm, _Ena, _SBN, _SBP],
    [1, 2, 0, 0]
];
var AwsElbLoadBalancerAdditionalAttribute$ = [3, n0, _AELBAA,
    0,
    [_K, _Val],
    [0, 0]
];
var AwsElbLoadBalancerAttributes$ = [3, n0, _AELBA,
    0,
    [_ALc, _CDonn, _CSo, _CZLB, _AAd],
    [() => AwsElbLoadBalancerAccessLog$, () => AwsElbLoadBalancerConnectionDraining$, () => AwsElbLoadBalancerConnectionSettings$, () => AwsElbLoadBalancerCrossZoneLoadBalancing$, () => AwsElbLoadBalancerAdditionalAttributeList]
];
var AwsElbLoadBalancerBackendServerDescription$ = [3, n0, _AELBBSD,
    0,
    [_IPn, _PNol],
    [1, 64 | 0]
];
var AwsElbLoadBalancerConnectionDraining$ = [3, n0, _AELBCD,
    0,
    [_Ena, _Tim],
    [2, 1]
];
var AwsElbLoadBalancerConnectionSettings$ = [3, n0, _AELBCS,
    0,
    [_ITd],
    [1]
];
var AwsElbLoadBalancerCrossZoneLoadBalancing$ = [3, n0, _AELBCZLB,
    0,
    [_Ena],
    [2]
];
var AwsElbLoadBalancerDetails$ = [3, n0, _AELBD,
    0,
    [_AZv, _BSD, _CHZN, _CHZNID, _CT, _DNn, _HC, _Ins, _LDi, _LBA, _LBNo, _Po, _Sch, _SG, _SSG, _Sub, _VIp],
    [64 | 0, () => AwsElbLoadBalancerBackendServerDescriptions, 0, 0, 0, 0, () => AwsElbLoadBalancerHealthCheck$, () => AwsElbLoadBalancerInstances, () => AwsElbLoadBalancerListenerDescriptions, () => AwsElbLoadBalancerAttributes$, 0, () => AwsElbLoadBalancerPolicies$, 0, 64 | 0, () => AwsElbLoadBalancerSourceSecurityGroup$, 64 | 0, 0]
];
var AwsElbLoadBalancerHealthCheck$ = [3, n0, _AELBHC,
    0,
    [_HTe, _Int, _Ta, _Tim, _UT],
    [1, 1, 0, 1, 1]
];
var AwsElbLoadBalancerInstance$ = [3, n0, _AELBI,
    0,
    [_IIn],
    [0]
];
var AwsElbLoadBalancerListener$ = [3, n0, _AELBL,
    0,
    [_IPn, _IPns, _LBP, _Prot, _SCI],
    [1, 0, 1, 0, 0]
];
var AwsElbLoadBalancerListenerDescription$ = [3, n0, _AELBLD,
    0,
    [_Lis, _PNol],
    [() => AwsElbLoadBalancerListener$, 64 | 0]
];
var AwsElbLoadBalancerPolicies$ = [3, n0, _AELBP,
    0,
    [_ACSP, _LCSP, _OPt],
    [() => AwsElbAppCookieStickinessPolicies, () => AwsElbLbCookieStickinessPolicies, 64 | 0]
];
var AwsElbLoadBalancerSourceSecurityGroup$ = [3, n0, _AELBSSG,
    0,
    [_GN, _OAw],
    [0, 0]
];
var AwsElbv2LoadBalancerAttribute$ = [3, n0, _AELBAw,
    0,
    [_K, _Val],
    [0, 0]
];
var AwsElbv2LoadBalancerDetails$ = [3, n0, _AELBDw,
    0,
    [_AZv, _CHZI, _CT, _DNSN, _IAT, _Sch, _SG, _Sta, _T, _VIp, _LBA],
    [() => AvailabilityZones, 0, 0, 0, 0, 0, 64 | 0, () => LoadBalancerState$, 0, 0, () => AwsElbv2LoadBalancerAttributes]
];
var AwsEventSchemasRegistryDetails$ = [3, n0, _AESRD,
    0,
    [_D, _RAeg, _RNeg],
    [0, 0, 0]
];
var AwsEventsEndpointDetails$ = [3, n0, _AEEDw,
    0,
    [_Ar, _D, _EInd, _EU, _EB, _N, _RCepl, _RAo, _RCo, _Sta, _SRt],
    [0, 0, 0, 0, () => AwsEventsEndpointEventBusesList, 0, () => AwsEventsEndpointReplicationConfigDetails$, 0, () => AwsEventsEndpointRoutingConfigDetails$, 0, 0]
];
var AwsEventsEndpointEventBusesDetails$ = [3, n0, _AEEEBD,
    0,
    [_EBA],
    [0]
];
var AwsEventsEndpointReplicationConfigDetails$ = [3, n0, _AEERCD,
    0,
    [_Sta],
    [0]
];
var AwsEventsEndpointRoutingConfigDetails$ = [3, n0, _AEERCDw,
    0,
    [_FCa],
    [() => AwsEventsEndpointRoutingConfigFailoverConfigDetails$]
];
var AwsEventsEndpointRoutingConfigFailoverConfigDetails$ = [3, n0, _AEERCFCD,
    0,
    [_Pri, _Seco],
    [() => AwsEventsEndpointRoutingConfigFailoverConfigPrimaryDetails$, () => AwsEventsEndpointRoutingConfigFailoverConfigSecondaryDetails$]
];
var AwsEventsEndpointRoutingConfigFailoverConfigPrimaryDetails$ = [3, n0, _AEERCFCPD,
    0,
    [_HC],
    [0]
];
var AwsEventsEndpointRoutingConfigFailoverConfigSecondaryDetails$ = [3, n0, _AEERCFCSD,
    0,
    [_Rou],
    [0]
];
var AwsEventsEventbusDetails$ = [3, n0, _AEEDws,
    0,
    [_Ar, _N, _Pol],
    [0, 0, 0]
];
var AwsGuardDutyDetectorDataSourcesCloudTrailDetails$ = [3, n0, _AGDDDSCTD,
    0,
    [_St],
    [0]
];
var AwsGuardDutyDetectorDataSourcesDetails$ = [3, n0, _AGDDDSD,
    0,
    [_CTlo, _DLn, _FL, _Ku, _MPal, _SLo],
    [() => AwsGuardDutyDetectorDataSourcesCloudTrailDetails$, () => AwsGuardDutyDetectorDataSourcesDnsLogsDetails$, () => AwsGuardDutyDetectorDataSourcesFlowLogsDetails$, () => AwsGuardDutyDetectorDataSourcesKubernetesDetails$, () => AwsGuardDutyDetectorDataSourcesMalwareProtectionDetails$, () => AwsGuardDutyDetectorDataSourcesS3LogsDetails$]
];
var AwsGuardDutyDetectorDataSourcesDnsLogsDetails$ = [3, n0, _AGDDDSDLD,
    0,
    [_St],
    [0]
];
var AwsGuardDutyDetectorDataSourcesFlowLogsDetails$ = [3, n0, _AGDDDSFLD,
    0,
    [_St],
    [0]
];
var AwsGuardDutyDetectorDataSourcesKubernetesAuditLogsDetails$ = [3, n0, _AGDDDSKALD,
    0,
    [_St],
    [0]
];
var AwsGuardDutyDetectorDataSourcesKubernetesDetails$ = [3, n0, _AGDDDSKD,
    0,
    [_AL],
    [() => AwsGuardDutyDetectorDataSourcesKubernetesAuditLogsDetails$]
];
var AwsGuardDutyDetectorDataSourcesMalwareProtectionDetails$ = [3, n0, _AGDDDSMPD,
    0,
    [_SEIWF, _SR],
    [() => AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsDetails$, 0]
];
var AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsDetails$ = [3, n0, _AGDDDSMPSEIWFD,
    0,
    [_EVb],
    [() => AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsEbsVolumesDetails$]
];
var AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsEbsVolumesDetails$ = [3, n0, _AGDDDSMPSEIWFEVD,
    0,
    [_R, _St],
    [0, 0]
];
var AwsGuardDutyDetectorDataSourcesS3LogsDetails$ = [3, n0, _AGDDDSSLD,
    0,
    [_St],
    [0]
];
var AwsGuardDutyDetectorDetails$ = [3, n0, _AGDDD,
    0,
    [_DSa, _Fe, _FPF, _SR, _St],
    [() => AwsGuardDutyDetectorDataSourcesDetails$, () => AwsGuardDutyDetectorFeaturesList, 0, 0, 0]
];
var AwsGuardDutyDetectorFeaturesDetails$ = [3, n0, _AGDDFD,
    0,
    [_N, _St],
    [0, 0]
];
var AwsIamAccessKeyDetails$ = [3, n0, _AIAKD,
    0,
    [_UN, _St, _CA, _PIr, _PTri, _PNri, _AIc, _AKI, _SCe],
    [0, 0, 0, 0, 0, 0, 0, 0, () => AwsIamAccessKeySessionContext$]
];
var AwsIamAccessKeySessionContext$ = [3, n0, _AIAKSC,
    0,
    [_Attr, _SIes],
    [() => AwsIamAccessKeySessionContextAttributes$, () => AwsIamAccessKeySessionContextSessionIssuer$]
];
var AwsIamAccessKeySessionContextAttributes$ = [3, n0, _AIAKSCA,
    0,
    [_MAf, _CDr],
    [2, 0]
];
var AwsIamAccessKeySessionContextSessionIssuer$ = [3, n0, _AIAKSCSI,
    0,
    [_T, _PIr, _Ar, _AIc, _UN],
    [0, 0, 0, 0, 0]
];
var AwsIamAttachedManagedPolicy$ = [3, n0, _AIAMP,
    0,
    [_PNo, _PAo],
    [0, 0]
];
var AwsIamGroupDetails$ = [3, n0, _AIGD,
    0,
    [_AMP, _CDre, _GIr, _GN, _GPL, _Pat],
    [() => AwsIamAttachedManagedPolicyList, 0, 0, 0, () => AwsIamGroupPolicyList, 0]
];
var AwsIamGroupPolicy$ = [3, n0, _AIGP,
    0,
    [_PNo],
    [0]
];
var AwsIamInstanceProfile$ = [3, n0, _AIIP,
    0,
    [_Ar, _CDre, _IPI, _IPN, _Pat, _Roles],
    [0, 0, 0, 0, 0, () => AwsIamInstanceProfileRoles]
];
var AwsIamInstanceProfileRole$ = [3, n0, _AIIPR,
    0,
    [_Ar, _ARPDs, _CDre, _Pat, _RIo, _RNo],
    [0, 0, 0, 0, 0, 0]
];
var AwsIamPermissionsBoundary$ = [3, n0, _AIPB,
    0,
    [_PBA, _PBT],
    [0, 0]
];
var AwsIamPolicyDetails$ = [3, n0, _AIPD,
    0,
    [_ACt, _CDre, _DVI, _D, _IAst, _Pat, _PBUC, _PIo, _PNo, _PVL, _UDp],
    [1, 0, 0, 0, 2, 0, 1, 0, 0, () => AwsIamPolicyVersionList, 0]
];
var AwsIamPolicyVersion$ = [3, n0, _AIPV,
    0,
    [_VI, _IDV, _CDre],
    [0, 2, 0]
];
var AwsIamRoleDetails$ = [3, n0, _AIRD,
    0,
    [_ARPDs, _AMP, _CDre, _IPL, _PB, _RIo, _RNo, _RPL, _MSD, _Pat],
    [0, () => AwsIamAttachedManagedPolicyList, 0, () => AwsIamInstanceProfileList, () => AwsIamPermissionsBoundary$, 0, 0, () => AwsIamRolePolicyList, 1, 0]
];
var AwsIamRolePolicy$ = [3, n0, _AIRP,
    0,
    [_PNo],
    [0]
];
var AwsIamUserDetails$ = [3, n0, _AIUD,
    0,
    [_AMP, _CDre, _GLr, _Pat, _PB, _UI, _UN, _UPL],
    [() => AwsIamAttachedManagedPolicyList, 0, 64 | 0, 0, () => AwsIamPermissionsBoundary$, 0, 0, () => AwsIamUserPolicyList]
];
var AwsIamUserPolicy$ = [3, n0, _AIUP,
    0,
    [_PNo],
    [0]
];
var AwsKinesisStreamDetails$ = [3, n0, _AKSD,
    0,
    [_N, _Ar, _SEtr, _SCh, _RPH],
    [0, 0, () => AwsKinesisStreamStreamEncryptionDetails$, 1, 1]
];
var AwsKinesisStreamStreamEncryptionDetails$ = [3, n0, _AKSSED,
    0,
    [_ETnc, _KIe],
    [0, 0]
];
var AwsKmsKeyDetails$ = [3, n0, _AKKD,
    0,
    [_AWSAI, _CDr, _KIe, _KM, _KSe, _Ori, _D, _KRS],
    [0, 1, 0, 0, 0, 0, 0, 2]
];
var AwsLambdaFunctionCode$ = [3, n0, _ALFC,
    0,
    [_SBu, _SK, _SOV, _ZF],
    [0, 0, 0, 0]
];
var AwsLambdaFunctionDeadLetterConfig$ = [3, n0, _ALFDLC,
    0,
    [_TAa],
    [0]
];
var AwsLambdaFunctionDetails$ = [3, n0, _ALFD,
    0,
    [_C, _CSod, _DLC, _Env, _FN, _Ha, _KKA, _LM, _Lay, _MAa, _MSem, _RIev, _Role, _Ru, _Tim, _TC, _VCp, _V, _Arch, _PTa],
    [() => AwsLambdaFunctionCode$, 0, () => AwsLambdaFunctionDeadLetterConfig$, () => AwsLambdaFunctionEnvironment$, 0, 0, 0, 0, () => AwsLambdaFunctionLayerList, 0, 1, 0, 0, 0, 1, () => AwsLambdaFunctionTracingConfig$, () => AwsLambdaFunctionVpcConfig$, 0, 64 | 0, 0]
];
var AwsLambdaFunctionEnvironment$ = [3, n0, _ALFE,
    0,
    [_Va, _Er],
    [128 | 0, () => AwsLambdaFunctionEnvironmentError$]
];
var AwsLambdaFunctionEnvironmentError$ = [3, n0, _ALFEE,
    0,
    [_ECr, _M],
    [0, 0]
];
var AwsLambdaFunctionLayer$ = [3, n0, _ALFL,
    0,
    [_Ar, _CSode],
    [0, 1]
];
var AwsLambdaFunctionTracingConfig$ = [3, n0, _ALFTC,
    0,
    [_Mod],
    [0]
];
var AwsLambdaFunctionVpcConfig$ = [3, n0, _ALFVC,
    0,
    [_SGI, _SIub, _VIp],
    [64 | 0, 64 | 0, 0]
];
var AwsLambdaLayerVersionDetails$ = [3, n0, _ALLVD,
    0,
    [_V, _CRo, _CD],
    [1, 64 | 0, 0]
];
var AwsMountPoint$ = [3, n0, _AMPw,
    0,
    [_SVo, _CPon],
    [0, 0]
];
var AwsMskClusterClusterInfoClientAuthenticationDetails$ = [3, n0, _AMCCICAD,
    0,
    [_Sa, _Una, _Tl],
    [() => AwsMskClusterClusterInfoClientAuthenticationSaslDetails$, () => AwsMskClusterClusterInfoClientAuthenticationUnauthenticatedDetails$, () => AwsMskClusterClusterInfoClientAuthenticationTlsDetails$]
];
var AwsMskClusterClusterInfoClientAuthenticationSaslDetails$ = [3, n0, _AMCCICASD,
    0,
    [_Ia, _Scr],
    [() => AwsMskClusterClusterInfoClientAuthenticationSaslIamDetails$, () => AwsMskClusterClusterInfoClientAuthenticationSaslScramDetails$]
];
var AwsMskClusterClusterInfoClientAuthenticationSaslIamDetails$ = [3, n0, _AMCCICASID,
    0,
    [_Ena],
    [2]
];
var AwsMskClusterClusterInfoClientAuthenticationSaslScramDetails$ = [3, n0, _AMCCICASSD,
    0,
    [_Ena],
    [2]
];
var AwsMskClusterClusterInfoClientAuthenticationTlsDetails$ = [3, n0, _AMCCICATD,
    0,
    [_CAAL, _Ena],
    [64 | 0, 2]
];
var AwsMskClusterClusterInfoClientAuthenticationUnauthenticatedDetails$ = [3, n0, _AMCCICAUD,
    0,
    [_Ena],
    [2]
];
var AwsMskClusterClusterInfoDetails$ = [3, n0, _AMCCID,
    0,
    [_EInc, _CV, _NOBN, _CNl, _CAli, _EM],
    [() => AwsMskClusterClusterInfoEncryptionInfoDetails$, 0, 1, 0, () => AwsMskClusterClusterInfoClientAuthenticationDetails$, 0]
];
var AwsMskClusterClusterInfoEncryptionInfoDetails$ = [3, n0, _AMCCIEID,
    0,
    [_EITn, _EAR],
    [() => AwsMskClusterClusterInfoEncryptionInfoEncryptionInTransitDetails$, () => AwsMskClusterClusterInfoEncryptionInfoEncryptionAtRestDetails$]
];
var AwsMskClusterClusterInfoEncryptionInfoEncryptionAtRestDetails$ = [3, n0, _AMCCIEIEARD,
    0,
    [_DVKMSKI],
    [0]
];
var AwsMskClusterClusterInfoEncryptionInfoEncryptionInTransitDetails$ = [3, n0, _AMCCIEIEITD,
    0,
    [_ICnl, _CBl],
    [2, 0]
];
var AwsMskClusterDetails$ = [3, n0, _AMCD,
    0,
    [_CIlu],
    [() => AwsMskClusterClusterInfoDetails$]
];
var AwsNetworkFirewallFirewallDetails$ = [3, n0, _ANFFD,
    0,
    [_DP, _D, _FAi, _FIi, _FNi, _FPA, _FPCP, _SCP, _SMu, _VIp],
    [2, 0, 0, 0, 0, 0, 2, 2, () => AwsNetworkFirewallFirewallSubnetMappingsList, 0]
];
var AwsNetworkFirewallFirewallPolicyDetails$ = [3, n0, _ANFFPD,
    0,
    [_FPi, _FPA, _FPI, _FPN, _D],
    [() => FirewallPolicyDetails$, 0, 0, 0, 0]
];
var AwsNetworkFirewallFirewallSubnetMappingsDetails$ = [3, n0, _ANFFSMD,
    0,
    [_SIu],
    [0]
];
var AwsNetworkFirewallRuleGroupDetails$ = [3, n0, _ANFRGD,
    0,
    [_Cap, _D, _RG, _RGA, _RGI, _RGN, _T],
    [1, 0, () => RuleGroupDetails$, 0, 0, 0, 0]
];
var AwsOpenSearchServiceDomainAdvancedSecurityOptionsDetails$ = [3, n0, _AOSSDASOD,
    0,
    [_Ena, _IUDE, _MUO],
    [2, 2, () => AwsOpenSearchServiceDomainMasterUserOptionsDetails$]
];
var AwsOpenSearchServiceDomainClusterConfigDetails$ = [3, n0, _AOSSDCCD,
    0,
    [_ICn, _WE, _WCa, _DMEe, _ZAC, _DMC, _ITn, _WT, _ZAE, _DMT],
    [1, 2, 1, 2, () => AwsOpenSearchServiceDomainClusterConfigZoneAwarenessConfigDetails$, 1, 0, 0, 2, 0]
];
var AwsOpenSearchServiceDomainClusterConfigZoneAwarenessConfigDetails$ = [3, n0, _AOSSDCCZACD,
    0,
    [_AZC],
    [1]
];
var AwsOpenSearchServiceDomainDetails$ = [3, n0, _AOSSDD,
    0,
    [_Ar, _APc, _DNo, _I, _DE, _EV, _EARO, _NTNEO, _SSO, _CCl, _DEO, _VO, _LPO, _DEo, _ASO],
    [0, 0, 0, 0, 0, 0, () => AwsOpenSearchServiceDomainEncryptionAtRestOptionsDetails$, () => AwsOpenSearchServiceDomainNodeToNodeEncryptionOptionsDetails$, () => AwsOpenSearchServiceDomainServiceSoftwareOptionsDetails$, () => AwsOpenSearchServiceDomainClusterConfigDetails$, () => AwsOpenSearchServiceDomainDomainEndpointOptionsDetails$, () => AwsOpenSearchServiceDomainVpcOptionsDetails$, () => AwsOpenSearchServiceDomainLogPublishingOptionsDetails$, 128 | 0, () => AwsOpenSearchServiceDomainAdvancedSecurityOptionsDetails$]
];
var AwsOpenSearchServiceDomainDomainEndpointOptionsDetails$ = [3, n0, _AOSSDDEOD,
    0,
    [_CECA, _CEE, _EHTTPS, _CEu, _TLSSP],
    [0, 2, 2, 0, 0]
];
var AwsOpenSearchServiceDomainEncryptionAtRestOptionsDetails$ = [3, n0, _AOSSDEAROD,
    0,
    [_Ena, _KKI],
    [2, 0]
];
var AwsOpenSearchServiceDomainLogPublishingOption$ = [3, n0, _AOSSDLPO,
    0,
    [_CWLLGA, _Ena],
    [0, 2]
];
var AwsOpenSearchServiceDomainLogPublishingOptionsDetails$ = [3, n0, _AOSSDLPOD,
    0,
    [_ISL, _SSL, _AL],
    [() => AwsOpenSearchServiceDomainLogPublishingOption$, () => AwsOpenSearchServiceDomainLogPublishingOption$, () => AwsOpenSearchServiceDomainLogPublishingOption$]
];
var AwsOpenSearchServiceDomainMasterUserOptionsDetails$ = [3, n0, _AOSSDMUOD,
    0,
    [_MUA, _MUN, _MUP],
    [0, 0, 0]
];
var AwsOpenSearchServiceDomainNodeToNodeEncryptionOptionsDetails$ = [3, n0, _AOSSDNTNEOD,
    0,
    [_Ena],
    [2]
];
var AwsOpenSearchServiceDomainServiceSoftwareOptionsDetails$ = [3, n0, _AOSSDSSOD,
    0,
    [_AUD, _Can, _CV, _D, _NV, _UAp, _US, _OD],
    [0, 2, 0, 0, 0, 2, 0, 2]
];
var AwsOpenSearchServiceDomainVpcOptionsDetails$ = [3, n0, _AOSSDVOD,
    0,
    [_SGI, _SIub],
    [64 | 0, 64 | 0]
];
var AwsOrganizationScope$ = [3, n0, _AOS,
    0,
    [_OIr, _OUI],
    [0, 0]
];
var AwsRdsDbClusterAssociatedRole$ = [3, n0, _ARDCAR,
    0,
    [_RAo, _St],
    [0, 0]
];
var AwsRdsDbClusterDetails$ = [3, n0, _ARDCD,
    0,
    [_ASl, _AZv, _BRP, _DNa, _St, _End, _REe, _CEus, _MAul, _Eng, _EV, _P, _MU, _PBW, _PMW, _RRI, _VSG, _HZI, _SEto, _KKI, _DCRI, _ARs, _CCT, _ECWLE, _EMn, _DPe, _HEE, _ASS, _CTTS, _CAC, _DMo, _DCPG, _DSG, _DCOGM, _DCI, _DCM, _IDAE, _AMVU],
    [1, 64 | 0, 1, 0, 0, 0, 0, 64 | 0, 2, 0, 0, 1, 0, 0, 0, 64 | 0, () => AwsRdsDbInstanceVpcSecurityGroups, 0, 2, 0, 0, () => AwsRdsDbClusterAssociatedRoles, 0, 64 | 0, 0, 2, 2, 0, 2, 2, () => AwsRdsDbDomainMemberships, 0, 0, () => AwsRdsDbClusterOptionGroupMemberships, 0, () => AwsRdsDbClusterMembers, 2, 2]
];
var AwsRdsDbClusterMember$ = [3, n0, _ARDCM,
    0,
    [_ICW, _PTrom, _DII, _DCPGS],
    [2, 1, 0, 0]
];
var AwsRdsDbClusterOptionGroupMembership$ = [3, n0, _ARDCOGM,
    0,
    [_DCOGN, _St],
    [0, 0]
];
var AwsRdsDbClusterSnapshotDbClusterSnapshotAttribute$ = [3, n0, _ARDCSDCSA,
    0,
    [_ANt, _AVt],
    [0, 64 | 0]
];
var AwsRdsDbClusterSnapshotDetails$ = [3, n0, _ARDCSD,
    0,
    [_AZv, _SCT, _Eng, _ASl, _St, _P, _VIp, _CCT, _MU, _EV, _LMi, _STn, _PP, _SEto, _KKI, _DCI, _DCSI, _IDAE, _DCSA],
    [64 | 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 2, () => AwsRdsDbClusterSnapshotDbClusterSnapshotAttributes]
];
var AwsRdsDbDomainMembership$ = [3, n0, _ARDDM,
    0,
    [_Do, _St, _Fq, _IRN],
    [0, 0, 0, 0]
];
var AwsRdsDbInstanceAssociatedRole$ = [3, n0, _ARDIAR,
    0,
    [_RAo, _FNe, _St],
    [0, 0, 0]
];
var AwsRdsDbInstanceDetails$ = [3, n0, _ARDID,
    0,
    [_ARs, _CACI, _DBCI, _DBII, _DBIC, _DIP, _DRI, _DBN, _DPe, _End, _Eng, _EV, _IAMDAE, _ICT, _KKI, _PAu, _SEto, _TCA, _VSG, _MAul, _EMRA, _DIS, _MU, _ASl, _PBW, _BRP, _DSGb, _DPG, _AZ, _DSG, _PMW, _PMV, _LRTa, _AMVU, _RRSDBII, _RRDBII, _RRDBCI, _LMi, _Io, _OGM, _CSN, _SAZ, _SItat, _ST, _DMo, _CTTS, _MIo, _MRA, _PTrom, _Time, _PIE, _PIKKI, _PIRP, _ECWLE, _PF, _LE, _MAS],
    [() => AwsRdsDbInstanceAssociatedRoles, 0, 0, 0, 0, 1, 0, 0, 2, () => AwsRdsDbInstanceEndpoint$, 0, 0, 2, 0, 0, 2, 2, 0, () => AwsRdsDbInstanceVpcSecurityGroups, 2, 0, 0, 0, 1, 0, 1, 64 | 0, () => AwsRdsDbParameterGroups, 0, () => AwsRdsDbSubnetGroup$, 0, () => AwsRdsDbPendingModifiedValues$, 0, 2, 0, 64 | 0, 64 | 0, 0, 1, () => AwsRdsDbOptionGroupMemberships, 0, 0, () => AwsRdsDbStatusInfos, 0, () => AwsRdsDbDomainMemberships, 2, 1, 0, 1, 0, 2, 0, 1, 64 | 0, () => AwsRdsDbProcessorFeatures, () => AwsRdsDbInstanceEndpoint$, 1]
];
var AwsRdsDbInstanceEndpoint$ = [3, n0, _ARDIE,
    0,
    [_Addr, _P, _HZI],
    [0, 1, 0]
];
var AwsRdsDbInstanceVpcSecurityGroup$ = [3, n0, _ARDIVSG,
    0,
    [_VSGI, _St],
    [0, 0]
];
var AwsRdsDbOptionGroupMembership$ = [3, n0, _ARDOGM,
    0,
    [_OGN, _St],
    [0, 0]
];
var AwsRdsDbParameterGroup$ = [3, n0, _ARDPG,
    0,
    [_DPGN, _PAS],
    [0, 0]
];
var AwsRdsDbPendingModifiedValues$ = [3, n0, _ARDPMV,
    0,
    [_DIC, _ASl, _MUP, _P, _BRP, _MAZ, _EV, _LMi, _Io, _DII, _ST, _CCIa, _DSGN, _PCWLE, _PF],
    [0, 1, 0, 1, 1, 2, 0, 0, 1, 0, 0, 0, 0, () => AwsRdsPendingCloudWatchLogsExports$, () => AwsRdsDbProcessorFeatures]
];
var AwsRdsDbProcessorFeature$ = [3, n0, _ARDPF,
    0,
    [_N, _Val],
    [0, 0]
];
var AwsRdsDbSecurityGroupDetails$ = [3, n0, _ARDSGD,
    0,
    [_DSGA, _DSGD, _DSGNb, _ESG, _IRp, _OIw, _VIp],
    [0, 0, 0, () => AwsRdsDbSecurityGroupEc2SecurityGroups, () => AwsRdsDbSecurityGroupIpRanges, 0, 0]
];
var AwsRdsDbSecurityGroupEc2SecurityGroup$ = [3, n0, _ARDSGESG,
    0,
    [_ESGI, _ESGN, _ESGOI, _St],
    [0, 0, 0, 0]
];
var AwsRdsDbSecurityGroupIpRange$ = [3, n0, _ARDSGIR,
    0,
    [_CIi, _St],
    [0, 0]
];
var AwsRdsDbSnapshotDetails$ = [3, n0, _ARDSD,
    0,
    [_DSI, _DII, _SCT, _Eng, _ASl, _St, _P, _AZ, _VIp, _ICT, _MU, _EV, _LMi, _STn, _Io, _OGN, _PP, _SRo, _SDSI, _ST, _TCA, _En, _KKI, _Time, _IDAE, _PF, _DRI],
    [0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 2, 0, 0, 2, () => AwsRdsDbProcessorFeatures, 0]
];
var AwsRdsDbStatusInfo$ = [3, n0, _ARDSI,
    0,
    [_STta, _Nor, _St, _M],
    [0, 2, 0, 0]
];
var AwsRdsDbSubnetGroup$ = [3, n0, _ARDSG,
    0,
    [_DSGN, _DSGDb, _VIp, _SGSu, _Sub, _DSGAb],
    [0, 0, 0, 0, () => AwsRdsDbSubnetGroupSubnets, 0]
];
var AwsRdsDbSubnetGroupSubnet$ = [3, n0, _ARDSGS,
    0,
    [_SIubn, _SAZu, _SSu],
    [0, () => AwsRdsDbSubnetGroupSubnetAvailabilityZone$, 0]
];
var AwsRdsDbSubnetGroupSubnetAvailabilityZone$ = [3, n0, _ARDSGSAZ,
    0,
    [_N],
    [0]
];
var AwsRdsEventSubscriptionDetails$ = [3, n0, _ARESD,
    0,
    [_CSI, _CAI, _Ena, _ECL, _ESA, _STA, _SIL, _STo, _St, _SCTu],
    [0, 0, 2, 64 | 0, 0, 0, 64 | 0, 0, 0, 0]
];
var AwsRdsPendingCloudWatchLogsExports$ = [3, n0, _ARPCWLE,
    0,
    [_LTTE, _LTTD],
    [64 | 0, 64 | 0]
];
var AwsRedshiftClusterClusterNode$ = [3, n0, _ARCCN,
    0,
    [_NR, _PIA, _PIAu],
    [0, 0, 0]
];
var AwsRedshiftClusterClusterParameterGroup$ = [3, n0, _ARCCPG,
    0,
    [_CPSL, _PAS, _PGN],
    [() => AwsRedshiftClusterClusterParameterStatusList, 0, 0]
];
var AwsRedshiftClusterClusterParameterStatus$ = [3, n0, _ARCCPS,
    0,
    [_PNar, _PAS, _PAED],
    [0, 0, 0]
];
var AwsRedshiftClusterClusterSecurityGroup$ = [3, n0, _ARCCSG,
    0,
    [_CSGN, _St],
    [0, 0]
];
var AwsRedshiftClusterClusterSnapshotCopyStatus$ = [3, n0, _ARCCSCS,
    0,
    [_DRe, _MSRP, _RPet, _SCGN],
    [0, 1, 1, 0]
];
var AwsRedshiftClusterDeferredMaintenanceWindow$ = [3, n0, _ARCDMW,
    0,
    [_DMET, _DMI, _DMST],
    [0, 0, 0]
];
var AwsRedshiftClusterDetails$ = [3, n0, _ARCD,
    0,
    [_AVU, _ASRP, _AZ, _CAS, _CCT, _CIlus, _CNlu, _CPG, _CPK, _CRN, _CSG, _CSCS, _CSlu, _CSGNl, _CVl, _DBN, _DMW, _EIS, _ERNONO, _En, _End, _EVR, _ENSST, _ENSSTS, _HS, _IRa, _KKI, _MTN, _MSRP, _MU, _NMWST, _NTo, _NON, _PAe, _PMV, _PMW, _PAu, _RIes, _RSest, _SSI, _SSS, _VIp, _VSG, _LSog],
    [2, 1, 0, 0, 0, 0, () => AwsRedshiftClusterClusterNodes, () => AwsRedshiftClusterClusterParameterGroups, 0, 0, () => AwsRedshiftClusterClusterSecurityGroups, () => AwsRedshiftClusterClusterSnapshotCopyStatus$, 0, 0, 0, 0, () => AwsRedshiftClusterDeferredMaintenanceWindows, () => AwsRedshiftClusterElasticIpStatus$, 0, 2, () => AwsRedshiftClusterEndpoint$, 2, 0, 0, () => AwsRedshiftClusterHsmStatus$, () => AwsRedshiftClusterIamRoles, 0, 0, 1, 0, 0, 0, 1, 64 | 0, () => AwsRedshiftClusterPendingModifiedValues$, 0, 2, () => AwsRedshiftClusterResizeInfo$, () => AwsRedshiftClusterRestoreStatus$, 0, 0, 0, () => AwsRedshiftClusterVpcSecurityGroups, () => AwsRedshiftClusterLoggingStatus$]
];
var AwsRedshiftClusterElasticIpStatus$ = [3, n0, _ARCEIS,
    0,
    [_EIl, _St],
    [0, 0]
];
var AwsRedshiftClusterEndpoint$ = [3, n0, _ARCE,
    0,
    [_Addr, _P],
    [0, 1]
];
var AwsRedshiftClusterHsmStatus$ = [3, n0, _ARCHS,
    0,
    [_HCCI, _HCI, _St],
    [0, 0, 0]
];
var AwsRedshiftClusterIamRole$ = [3, n0, _ARCIR,
    0,
    [_ASp, _IRA],
    [0, 0]
];
var AwsRedshiftClusterLoggingStatus$ = [3, n0, _ARCLS,
    0,
    [_BNu, _LFM, _LFT, _LSDT, _LEo, _SKP],
    [0, 0, 0, 0, 2, 0]
];
var AwsRedshiftClusterPendingModifiedValues$ = [3, n0, _ARCPMV,
    0,
    [_ASRP, _CIlus, _CTlu, _CVl, _ETnc, _EVR, _MTN, _MUP, _NTo, _NON, _PAu],
    [1, 0, 0, 0, 0, 2, 0, 0, 0, 1, 2]
];
var AwsRedshiftClusterResizeInfo$ = [3, n0, _ARCRI,
    0,
    [_ACR, _RTes],
    [2, 0]
];
var AwsRedshiftClusterRestoreStatus$ = [3, n0, _ARCRS,
    0,
    [_CRRIMBPS, _ETIS, _ETTCIS, _PIMB, _SSIMB, _St],
    [1, 1, 1, 1, 1, 0]
];
var AwsRedshiftClusterVpcSecurityGroup$ = [3, n0, _ARCVSG,
    0,
    [_St, _VSGI],
    [0, 0]
];
var AwsRoute53HostedZoneConfigDetails$ = [3, n0, _ARHZCD,
    0,
    [_Com],
    [0]
];
var AwsRoute53HostedZoneDetails$ = [3, n0, _ARHZD,
    0,
    [_HZ, _Vp, _NS, _QLC],
    [() => AwsRoute53HostedZoneObjectDetails$, () => AwsRoute53HostedZoneVpcsList, 64 | 0, () => AwsRoute53QueryLoggingConfigDetails$]
];
var AwsRoute53HostedZoneObjectDetails$ = [3, n0, _ARHZOD,
    0,
    [_I, _N, _Config],
    [0, 0, () => AwsRoute53HostedZoneConfigDetails$]
];
var AwsRoute53HostedZoneVpcDetails$ = [3, n0, _ARHZVD,
    0,
    [_I, _Reg],
    [0, 0]
];
var AwsRoute53QueryLoggingConfigDetails$ = [3, n0, _ARQLCD,
    0,
    [_CWLLGA],
    [() => CloudWatchLogsLogGroupArnConfigDetails$]
];
var AwsS3AccessPointDetails$ = [3, n0, _ASAPD,
    0,
    [_APA, _Al, _B, _BAI, _N, _NO, _PABC, _VCpc],
    [0, 0, 0, 0, 0, 0, () => AwsS3AccountPublicAccessBlockDetails$, () => AwsS3AccessPointVpcConfigurationDetails$]
];
var AwsS3AccessPointVpcConfigurationDetails$ = [3, n0, _ASAPVCD,
    0,
    [_VIp],
    [0]
];
var AwsS3AccountPublicAccessBlockDetails$ = [3, n0, _ASAPABD,
    0,
    [_BPAl, _BPP, _IPAg, _RPB],
    [2, 2, 2, 2]
];
var AwsS3BucketBucketLifecycleConfigurationDetails$ = [3, n0, _ASBBLCD,
    0,
    [_Rul],
    [() => AwsS3BucketBucketLifecycleConfigurationRulesList]
];
var AwsS3BucketBucketLifecycleConfigurationRulesAbortIncompleteMultipartUploadDetails$ = [3, n0, _ASBBLCRAIMUD,
    0,
    [_DAI],
    [1]
];
var AwsS3BucketBucketLifecycleConfigurationRulesDetails$ = [3, n0, _ASBBLCRD,
    0,
    [_AIMU, _EDx, _EID, _EODM, _Fil, _ID_, _NVEID, _NVT, _Pr, _St, _Tr],
    [() => AwsS3BucketBucketLifecycleConfigurationRulesAbortIncompleteMultipartUploadDetails$, 0, 1, 2, () => AwsS3BucketBucketLifecycleConfigurationRulesFilterDetails$, 0, 1, () => AwsS3BucketBucketLifecycleConfigurationRulesNoncurrentVersionTransitionsList, 0, 0, () => AwsS3BucketBucketLifecycleConfigurationRulesTransitionsList]
];
var AwsS3BucketBucketLifecycleConfigurationRulesFilterDetails$ = [3, n0, _ASBBLCRFD,
    0,
    [_Pre],
    [() => AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateDetails$]
];
var AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateDetails$ = [3, n0, _ASBBLCRFPD,
    0,
    [_Ope, _Pr, _Tag, _T],
    [() => AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsList, 0, () => AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateTagDetails$, 0]
];
var AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsDetails$ = [3, n0, _ASBBLCRFPOD,
    0,
    [_Pr, _Tag, _T],
    [0, () => AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsTagDetails$, 0]
];
var AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsTagDetails$ = [3, n0, _ASBBLCRFPOTD,
    0,
    [_K, _Val],
    [0, 0]
];
var AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateTagDetails$ = [3, n0, _ASBBLCRFPTD,
    0,
    [_K, _Val],
    [0, 0]
];
var AwsS3BucketBucketLifecycleConfigurationRulesNoncurrentVersionTransitionsDetails$ = [3, n0, _ASBBLCRNVTD,
    0,
    [_Da, _SC],
    [1, 0]
];
var AwsS3BucketBucketLifecycleConfigurationRulesTransitionsDetails$ = [3, n0, _ASBBLCRTD,
    0,
    [_Dat, _Da, _SC],
    [0, 1, 0]
];
var AwsS3BucketBucketVersioningConfiguration$ = [3, n0, _ASBBVC,
    0,
    [_IMDE, _St],
    [2, 0]
];
var AwsS3BucketDetails$ = [3, n0, _ASBD,
    0,
    [_OIw, _ONw, _OAIw, _CA, _SSEC, _BLC, _PABC, _ACL, _BLCu, _BWC, _BNC, _BVC, _OLC, _N],
    [0, 0, 0, 0, () => AwsS3BucketServerSideEncryptionConfiguration$, () => AwsS3BucketBucketLifecycleConfigurationDetails$, () => AwsS3AccountPublicAccessBlockDetails$, 0, () => AwsS3BucketLoggingConfiguration$, () => AwsS3BucketWebsiteConfiguration$, () => AwsS3BucketNotificationConfiguration$, () => AwsS3BucketBucketVersioningConfiguration$, () => AwsS3BucketObjectLockConfiguration$, 0]
];
var AwsS3BucketLoggingConfiguration$ = [3, n0, _ASBLC,
    0,
    [_DBNe, _LFP],
    [0, 0]
];
var AwsS3BucketNotificationConfiguration$ = [3, n0, _ASBNC,
    0,
    [_Configu],
    [() => AwsS3BucketNotificationConfigurationDetails]
];
var AwsS3BucketNotificationConfigurationDetail$ = [3, n0, _ASBNCD,
    0,
    [_Ev, _Fil, _Des, _T],
    [64 | 0, () => AwsS3BucketNotificationConfigurationFilter$, 0, 0]
];
var AwsS3BucketNotificationConfigurationFilter$ = [3, n0, _ASBNCF,
    0,
    [_SKF],
    [() => AwsS3BucketNotificationConfigurationS3KeyFilter$]
];
var AwsS3BucketNotificationConfigurationS3KeyFilter$ = [3, n0, _ASBNCSKF,
    0,
    [_FRi],
    [() => AwsS3BucketNotificationConfigurationS3KeyFilterRules]
];
var AwsS3BucketNotificationConfigurationS3KeyFilterRule$ = [3, n0, _ASBNCSKFR,
    0,
    [_N, _Val],
    [0, 0]
];
var AwsS3BucketObjectLockConfiguration$ = [3, n0, _ASBOLC,
    0,
    [_OLE, _Rule],
    [0, () => AwsS3BucketObjectLockConfigurationRuleDetails$]
];
var AwsS3BucketObjectLockConfigurationRuleDefaultRetentionDetails$ = [3, n0, _ASBOLCRDRD,
    0,
    [_Da, _Mod, _Y],
    [1, 0, 1]
];
var AwsS3BucketObjectLockConfigurationRuleDetails$ = [3, n0, _ASBOLCRD,
    0,
    [_DRef],
    [() => AwsS3BucketObjectLockConfigurationRuleDefaultRetentionDetails$]
];
var AwsS3BucketServerSideEncryptionByDefault$ = [3, n0, _ASBSSEBD,
    0,
    [_SSEA, _KMSMKID],
    [0, 0]
];
var AwsS3BucketServerSideEncryptionConfiguration$ = [3, n0, _ASBSSEC,
    0,
    [_Rul],
    [() => AwsS3BucketServerSideEncryptionRules]
];
var AwsS3BucketServerSideEncryptionRule$ = [3, n0, _ASBSSER,
    0,
    [_ASSEBD],
    [() => AwsS3BucketServerSideEncryptionByDefault$]
];
var AwsS3BucketWebsiteConfiguration$ = [3, n0, _ASBWC,
    0,
    [_EDr, _IDS, _RART, _RRo],
    [0, 0, () => AwsS3BucketWebsiteConfigurationRedirectTo$, () => AwsS3BucketWebsiteConfigurationRoutingRules]
];
var AwsS3BucketWebsiteConfigurationRedirectTo$ = [3, n0, _ASBWCRT,
    0,
    [_Ho, _Prot],
    [0, 0]
];
var AwsS3BucketWebsiteConfigurationRoutingRule$ = [3, n0, _ASBWCRR,
    0,
    [_Cond, _Red],
    [() => AwsS3BucketWebsiteConfigurationRoutingRuleCondition$, () => AwsS3BucketWebsiteConfigurationRoutingRuleRedirect$]
];
var AwsS3BucketWebsiteConfigurationRoutingRuleCondition$ = [3, n0, _ASBWCRRC,
    0,
    [_HECRE, _KPE],
    [0, 0]
];
var AwsS3BucketWebsiteConfigurationRoutingRuleRedirect$ = [3, n0, _ASBWCRRR,
    0,
    [_Ho, _HRC, _Prot, _RKPW, _RKW],
    [0, 0, 0, 0, 0]
];
var AwsS3ObjectDetails$ = [3, n0, _ASOD,
    0,
    [_LM, _ETa, _VI, _CTo, _SSE, _SSEKMSKI],
    [0, 0, 0, 0, 0, 0]
];
var AwsSageMakerNotebookInstanceDetails$ = [3, n0, _ASMNID,
    0,
    [_ATcc, _ACRd, _DCR, _DIA, _FR, _IMSC, _ITn, _KKI, _NII, _NIA, _NILCN, _NIN, _NISo, _PIl, _RAo, _RAoo, _SG, _SIu, _Ur, _VSIGB],
    [64 | 0, 64 | 0, 0, 0, 0, () => AwsSageMakerNotebookInstanceMetadataServiceConfigurationDetails$, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 64 | 0, 0, 0, 1]
];
var AwsSageMakerNotebookInstanceMetadataServiceConfigurationDetails$ = [3, n0, _ASMNIMSCD,
    0,
    [_MIMSV],
    [0]
];
var AwsSecretsManagerSecretDetails$ = [3, n0, _ASMSD,
    0,
    [_RRot, _ROWF, _KKI, _REo, _RLA, _Del, _N, _D],
    [() => AwsSecretsManagerSecretRotationRules$, 2, 0, 2, 0, 2, 0, 0]
];
var AwsSecretsManagerSecretRotationRules$ = [3, n0, _ASMSRR,
    0,
    [_AAD],
    [1]
];
var AwsSecurityFinding$ = [3, n0, _ASF,
    0,
    [_SVc, _I, _PA, _GIe, _AAI, _CA, _UA, _Ti, _D, _Res, _PNr, _CN, _Reg, _Ty, _FOA, _LOA, _Se, _Con, _Cri, _Rem, _SU, _PFr, _UDF, _Mal, _Ne, _NP, _Proc, _Thre, _TII, _Comp, _VS, _WSo, _W, _RSe, _RF, _No, _Vu, _PSa, _A, _FPFi, _Sam, _GD, _PAr, _AAN, _Det],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, () => ResourceList, 0, 0, 0, 64 | 0, 0, 0, () => Severity$, 1, 1, () => Remediation$, 0, 128 | 0, 128 | 0, () => MalwareList, () => Network$, () => NetworkPathList, () => ProcessDetails$, () => ThreatList, () => ThreatIntelIndicatorList, () => Compliance$, 0, 0, () => Workflow$, 0, () => RelatedFindingList, () => Note$, () => VulnerabilityList, () => PatchSummary$, () => Action$, () => FindingProviderFields$, 2, () => GeneratorDetails$, 0, 0, () => Detection$], 10
];
var AwsSecurityFindingFilters$ = [3, n0, _ASFF,
    0,
    [_PA, _AAI, _I, _GIe, _Reg, _T, _FOA, _LOA, _CA, _UA, _SPe, _SNev, _SL, _Con, _Cri, _Ti, _D, _RTec, _SU, _PFr, _PNr, _CN, _UDF, _MNa, _MTal, _MPalw, _MSal, _NDe, _NPe, _NSIV, _NSIVe, _NSP, _NSD, _NSM, _NDIV, _NDIVe, _NDP, _NDD, _PNro, _PPr, _PPro, _PPP, _PLA, _PTA, _TIIT, _TIIV, _TIIC, _TIILOA, _TIIS, _TIISU, _RT, _RI, _RP, _RR, _RTe, _RAEIT, _RAEIII, _RAEIIVA, _RAEIIVAe, _RAEIKN, _RAEIIIPA, _RAEIVI, _RAEISI, _RAEILA, _RASBOI, _RASBON, _RAIAKUN, _RAIAKPN, _RAIAKS, _RAIAKCA, _RAIUUN, _RCN, _RCII, _RCIN, _RCLA, _RDO, _CS, _VS, _WSo, _WS, _RSe, _RFPA, _RFI, _NT, _NUA, _NUB, _Ke, _FPFC, _FPFCi, _FPFRFI, _FPFRFPA, _FPFSL, _FPFSO, _FPFT, _Sam, _CSCI, _CASI, _VEA, _VFA, _CSCPN, _CSCPV, _AAN, _RAN, _RAA, _ROAI, _ROOI, _RPe],
    [() => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => DateFilterList, () => DateFilterList, () => DateFilterList, () => DateFilterList, () => NumberFilterList, () => NumberFilterList, () => StringFilterList, () => NumberFilterList, () => NumberFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => MapFilterList, () => StringFilterList, () => StringFilterList, () => MapFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => IpFilterList, () => IpFilterList, () => NumberFilterList, () => StringFilterList, () => StringFilterList, () => IpFilterList, () => IpFilterList, () => NumberFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => NumberFilterList, () => NumberFilterList, () => DateFilterList, () => DateFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => DateFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => MapFilterList, () => StringFilterList, () => StringFilterList, () => IpFilterList, () => IpFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => DateFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => DateFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => DateFilterList, () => MapFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => DateFilterList, () => StringFilterList, () => KeywordFilterList, () => NumberFilterList, () => NumberFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => BooleanFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList, () => StringFilterList]
];
var AwsSecurityFindingIdentifier$ = [3, n0, _ASFI,
    0,
    [_I, _PA],
    [0, 0], 2
];
var AwsSnsTopicDetails$ = [3, n0, _ASTD,
    0,
    [_KMKI, _Subs, _TNo, _Ow, _SSFRA, _SFFRA, _ASFRA, _FSFRA, _FFFRA, _HSFRA, _HFFRA],
    [0, () => AwsSnsTopicSubscriptionList, 0, 0, 0, 0, 0, 0, 0, 0, 0]
];
var AwsSnsTopicSubscription$ = [3, n0, _ASTS,
    0,
    [_End, _Prot],
    [0, 0]
];
var AwsSqsQueueDetails$ = [3, n0, _ASQD,
    0,
    [_KDKRPS, _KMKI, _QN, _DLTA],
    [1, 0, 0, 0]
];
var AwsSsmComplianceSummary$ = [3, n0, _ASCS,
    0,
    [_St, _CCC, _CHC, _CMC, _ETxe, _NCCC, _CIC, _NCIC, _CUC, _NCLC, _NCHC, _CLC, _CTom, _PBI, _OSv, _NCMC, _NCUC, _PG],
    [0, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 0]
];
var AwsSsmPatch$ = [3, n0, _ASP,
    0,
    [_CSom],
    [() => AwsSsmComplianceSummary$]
];
var AwsSsmPatchComplianceDetails$ = [3, n0, _ASPCD,
    0,
    [_Patc],
    [() => AwsSsmPatch$]
];
var AwsStepFunctionStateMachineDetails$ = [3, n0, _ASFSMD,
    0,
    [_Lab, _LCogg, _N, _RAo, _SMA, _St, _TCr, _T],
    [0, () => AwsStepFunctionStateMachineLoggingConfigurationDetails$, 0, 0, 0, 0, () => AwsStepFunctionStateMachineTracingConfigurationDetails$, 0]
];
var AwsStepFunctionStateMachineLoggingConfigurationDestinationsCloudWatchLogsLogGroupDetails$ = [3, n0, _ASFSMLCDCWLLGD,
    0,
    [_LGA],
    [0]
];
var AwsStepFunctionStateMachineLoggingConfigurationDestinationsDetails$ = [3, n0, _ASFSMLCDD,
    0,
    [_CWLLG],
    [() => AwsStepFunctionStateMachineLoggingConfigurationDestinationsCloudWatchLogsLogGroupDetails$]
];
var AwsStepFunctionStateMachineLoggingConfigurationDetails$ = [3, n0, _ASFSMLCD,
    0,
    [_Dest, _IED, _Le],
    [() => AwsStepFunctionStateMachineLoggingConfigurationDestinationsList, 2, 0]
];
var AwsStepFunctionStateMachineTracingConfigurationDetails$ = [3, n0, _ASFSMTCD,
    0,
    [_Ena],
    [2]
];
var AwsWafRateBasedRuleDetails$ = [3, n0, _AWRBRD,
    0,
    [_MN, _N, _RK, _RL, _RIu, _MPat],
    [0, 0, 0, 1, 0, () => AwsWafRateBasedRuleMatchPredicateList]
];
var AwsWafRateBasedRuleMatchPredicate$ = [3, n0, _AWRBRMP,
    0,
    [_DIa, _Neg, _T],
    [0, 2, 0]
];
var AwsWafRegionalRateBasedRuleDetails$ = [3, n0, _AWRRBRD,
    0,
    [_MN, _N, _RK, _RL, _RIu, _MPat],
    [0, 0, 0, 1, 0, () => AwsWafRegionalRateBasedRuleMatchPredicateList]
];
var AwsWafRegionalRateBasedRuleMatchPredicate$ = [3, n0, _AWRRBRMP,
    0,
    [_DIa, _Neg, _T],
    [0, 2, 0]
];
var AwsWafRegionalRuleDetails$ = [3, n0, _AWRRD,
    0,
    [_MN, _N, _PL, _RIu],
    [0, 0, () => AwsWafRegionalRulePredicateList, 0]
];
var AwsWafRegionalRuleGroupDetails$ = [3, n0, _AWRRGD,
    0,
    [_MN, _N, _RGI, _Rul],
    [0, 0, 0, () => AwsWafRegionalRuleGroupRulesList]
];
var AwsWafRegionalRuleGroupRulesActionDetails$ = [3, n0, _AWRRGRAD,
    0,
    [_T],
    [0]
];
var AwsWafRegionalRuleGroupRulesDetails$ = [3, n0, _AWRRGRD,
    0,
    [_A, _Prio, _RIu, _T],
    [() => AwsWafRegionalRuleGroupRulesActionDetails$, 1, 0, 0]
];
var AwsWafRegionalRulePredicateListDetails$ = [3, n0, _AWRRPLD,
    0,
    [_DIa, _Neg, _T],
    [0, 2, 0]
];
var AwsWafRegionalWebAclDetails$ = [3, n0, _AWRWAD,
    0,
    [_DAe, _MN, _N, _RLu, _WAI],
    [0, 0, 0, () => AwsWafRegionalWebAclRulesList, 0]
];
var AwsWafRegionalWebAclRulesListActionDetails$ = [3, n0, _AWRWARLAD,
    0,
    [_T],
    [0]
];
var AwsWafRegionalWebAclRulesListDetails$ = [3, n0, _AWRWARLD,
    0,
    [_A, _OAv, _Prio, _RIu, _T],
    [() => AwsWafRegionalWebAclRulesListActionDetails$, () => AwsWafRegionalWebAclRulesListOverrideActionDetails$, 1, 0, 0]
];
var AwsWafRegionalWebAclRulesListOverrideActionDetails$ = [3, n0, _AWRWARLOAD,
    0,
    [_T],
    [0]
];
var AwsWafRuleDetails$ = [3, n0, _AWRD,
    0,
    [_MN, _N, _PL, _RIu],
    [0, 0, () => AwsWafRulePredicateList, 0]
];
var AwsWafRuleGroupDetails$ = [3, n0, _AWRGD,
    0,
    [_MN, _N, _RGI, _Rul],
    [0, 0, 0, () => AwsWafRuleGroupRulesList]
];
var AwsWafRuleGroupRulesActionDetails$ = [3, n0, _AWRGRAD,
    0,
    [_T],
    [0]
];
var AwsWafRuleGroupRulesDetails$ = [3, n0, _AWRGRD,
    0,
    [_A, _Prio, _RIu, _T],
    [() => AwsWafRuleGroupRulesActionDetails$, 1, 0, 0]
];
var AwsWafRulePredicateListDetails$ = [3, n0, _AWRPLD,
    0,
    [_DIa, _Neg, _T],
    [0, 2, 0]
];
var AwsWafv2ActionAllowDetails$ = [3, n0, _AWAAD,
    0,
    [_CRH],
    [() => AwsWafv2CustomRequestHandlingDetails$]
];
var AwsWafv2ActionBlockDetails$ = [3, n0, _AWABD,
    0,
    [_CRu],
    [() => AwsWafv2CustomResponseDetails$]
];
var AwsWafv2CustomHttpHeader$ = [3, n0, _AWCHH,
    0,
    [_N, _Val],
    [0, 0]
];
var AwsWafv2CustomRequestHandlingDetails$ = [3, n0, _AWCRHD,
    0,
    [_IH],
    [() => AwsWafv2InsertHeadersList]
];
var AwsWafv2CustomResponseDetails$ = [3, n0, _AWCRD,
    0,
    [_CRBK, _RCes, _RH],
    [0, 1, () => AwsWafv2InsertHeadersList]
];
var AwsWafv2RuleGroupDetails$ = [3, n0, _AWRGDw,
    0,
    [_Cap, _D, _I, _N, _Ar, _Rul, _Sc, _VCi],
    [1, 0, 0, 0, 0, () => AwsWafv2RulesList, 0, () => AwsWafv2VisibilityConfigDetails$]
];
var AwsWafv2RulesActionCaptchaDetails$ = [3, n0, _AWRACD,
    0,
    [_CRH],
    [() => AwsWafv2CustomRequestHandlingDetails$]
];
var AwsWafv2RulesActionCountDetails$ = [3, n0, _AWRACDw,
    0,
    [_CRH],
    [() => AwsWafv2CustomRequestHandlingDetails$]
];
var AwsWafv2RulesActionDetails$ = [3, n0, _AWRAD,
    0,
    [_All, _Bl, _Capt, _Cou],
    [() => AwsWafv2ActionAllowDetails$, () => AwsWafv2ActionBlockDetails$, () => AwsWafv2RulesActionCaptchaDetails$, () => AwsWafv2RulesActionCountDetails$]
];
var AwsWafv2RulesDetails$ = [3, n0, _AWRDw,
    0,
    [_A, _N, _OAv, _Prio, _VCi],
    [() => AwsWafv2RulesActionDetails$, 0, 0, 1, () => AwsWafv2VisibilityConfigDetails$]
];
var AwsWafv2VisibilityConfigDetails$ = [3, n0, _AWVCD,
    0,
    [_CWME, _MN, _SRE],
    [2, 0, 2]
];
var AwsWafv2WebAclActionDetails$ = [3, n0, _AWWAAD,
    0,
    [_All, _Bl],
    [() => AwsWafv2ActionAllowDetails$, () => AwsWafv2ActionBlockDetails$]
];
var AwsWafv2WebAclCaptchaConfigDetails$ = [3, n0, _AWWACCD,
    0,
    [_ITP],
    [() => AwsWafv2WebAclCaptchaConfigImmunityTimePropertyDetails$]
];
var AwsWafv2WebAclCaptchaConfigImmunityTimePropertyDetails$ = [3, n0, _AWWACCITPD,
    0,
    [_ITmm],
    [1]
];
var AwsWafv2WebAclDetails$ = [3, n0, _AWWAD,
    0,
    [_N, _Ar, _MFM, _I, _Cap, _CCa, _DAe, _D, _Rul, _VCi],
    [0, 0, 2, 0, 1, () => AwsWafv2WebAclCaptchaConfigDetails$, () => AwsWafv2WebAclActionDetails$, 0, () => AwsWafv2RulesList, () => AwsWafv2VisibilityConfigDetails$]
];
var AwsWafWebAclDetails$ = [3, n0, _AWWADw,
    0,
    [_N, _DAe, _Rul, _WAI],
    [0, 0, () => AwsWafWebAclRuleList, 0]
];
var AwsWafWebAclRule$ = [3, n0, _AWWAR,
    0,
    [_A, _ER, _OAv, _Prio, _RIu, _T],
    [() => WafAction$, () => WafExcludedRuleList, () => WafOverrideAction$, 1, 0, 0]
];
var AwsXrayEncryptionConfigDetails$ = [3, n0, _AXECD,
    0,
    [_KIe, _St, _T],
    [0, 0, 0]
];
var AzureDetail$ = [3, n0, _ADz,
    0,
    [_AWSCCA, _SCc, _ARz],
    [0, () => AzureScopeConfiguration$, 64 | 0], 3
];
var AzureProviderConfiguration$ = [3, n0, _APC,
    0,
    [_AWSCCA, _SCc, _ARz],
    [0, () => AzureScopeConfiguration$, 64 | 0], 3
];
var AzureScopeConfiguration$ = [3, n0, _ASCz,
    0,
    [_STc, _SVco],
    [0, 64 | 0], 1
];
var AzureUpdateConfiguration$ = [3, n0, _AUC,
    0,
    [_SCc, _ARz],
    [() => AzureScopeConfiguration$, 64 | 0], 2
];
var BatchDeleteAutomationRulesRequest$ = [3, n0, _BDARR,
    0,
    [_ARAu],
    [64 | 0], 1
];
var BatchDeleteAutomationRulesResponse$ = [3, n0, _BDARRa,
    0,
    [_PAR, _UAR],
    [64 | 0, () => UnprocessedAutomationRulesList]
];
var BatchDisableStandardsRequest$ = [3, n0, _BDSR,
    0,
    [_SSA],
    [64 | 0], 1
];
var BatchDisableStandardsResponse$ = [3, n0, _BDSRa,
    0,
    [_SSta],
    [() => StandardsSubscriptions]
];
var BatchEnableStandardsRequest$ = [3, n0, _BESR,
    0,
    [_SSRt],
    [() => StandardsSubscriptionRequests], 1
];
var BatchEnableStandardsResponse$ = [3, n0, _BESRa,
    0,
    [_SSta],
    [() => StandardsSubscriptions]
];
var BatchGetAutomationRulesRequest$ = [3, n0, _BGARR,
    0,
    [_ARAu],
    [64 | 0], 1
];
var BatchGetAutomationRulesResponse$ = [3, n0, _BGARRa,
    0,
    [_Rul, _UAR],
    [() => AutomationRulesConfigList, () => UnprocessedAutomationRulesList]
];
var BatchGetConfigurationPolicyAssociationsRequest$ = [3, n0, _BGCPAR,
    0,
    [_CPAI],
    [() => ConfigurationPolicyAssociationsList], 1
];
var BatchGetConfigurationPolicyAssociationsResponse$ = [3, n0, _BGCPARa,
    0,
    [_CPA, _UCPA],
    [() => ConfigurationPolicyAssociationList, () => UnprocessedConfigurationPolicyAssociationList]
];
var BatchGetSecurityControlsRequest$ = [3, n0, _BGSCR,
    0,
    [_SCIe],
    [64 | 0], 1
];
var BatchGetSecurityControlsResponse$ = [3, n0, _BGSCRa,
    0,
    [_SCec, _UIn],
    [() => SecurityControls, () => UnprocessedSecurityControls], 1
];
var BatchGetStandardsControlAssociationsRequest$ = [3, n0, _BGSCAR,
    0,
    [_SCAI],
    [() => StandardsControlAssociationIds], 1
];
var BatchGetStandardsControlAssociationsResponse$ = [3, n0, _BGSCARa,
    0,
    [_SCAD, _UAn],
    [() => StandardsControlAssociationDetails, () => UnprocessedStandardsControlAssociations], 1
];
var BatchImportFindingsRequest$ = [3, n0, _BIFR,
    0,
    [_Fin],
    [() => BatchImportFindingsRequestFindingList], 1
];
var BatchImportFindingsResponse$ = [3, n0, _BIFRa,
    0,
    [_FCai, _SCu, _FF],
    [1, 1, () => ImportFindingsErrorList], 2
];
var BatchUpdateAutomationRulesRequest$ = [3, n0, _BUARR,
    0,
    [_UARRI],
    [() => UpdateAutomationRulesRequestItemsList], 1
];
var BatchUpdateAutomationRulesResponse$ = [3, n0, _BUARRa,
    0,
    [_PAR, _UAR],
    [64 | 0, () => UnprocessedAutomationRulesList]
];
var BatchUpdateFindingsRequest$ = [3, n0, _BUFR,
    0,
    [_FIin, _No, _Se, _VS, _Con, _Cri, _Ty, _UDF, _W, _RF],
    [() => AwsSecurityFindingIdentifierList, () => NoteUpdate$, () => SeverityUpdate$, 0, 1, 1, 64 | 0, 128 | 0, () => WorkflowUpdate$, () => RelatedFindingList], 1
];
var BatchUpdateFindingsResponse$ = [3, n0, _BUFRa,
    0,
    [_PFro, _UF],
    [() => AwsSecurityFindingIdentifierList, () => BatchUpdateFindingsUnprocessedFindingsList], 2
];
var BatchUpdateFindingsUnprocessedFinding$ = [3, n0, _BUFUF,
    0,
    [_FIind, _ECr, _EMr],
    [() => AwsSecurityFindingIdentifier$, 0, 0], 3
];
var BatchUpdateFindingsV2ProcessedFinding$ = [3, n0, _BUFVPF,
    0,
    [_FIind, _MUe],
    [() => OcsfFindingIdentifier$, 0]
];
var BatchUpdateFindingsV2Request$ = [3, n0, _BUFVR,
    0,
    [_MUet, _FIin, _Com, _SIe, _SIt],
    [64 | 0, () => OcsfFindingIdentifierList, 0, 1, 1]
];
var BatchUpdateFindingsV2Response$ = [3, n0, _BUFVRa,
    0,
    [_PFro, _UF],
    [() => BatchUpdateFindingsV2ProcessedFindingsList, () => BatchUpdateFindingsV2UnprocessedFindingsList], 2
];
var BatchUpdateFindingsV2UnprocessedFinding$ = [3, n0, _BUFVUF,
    0,
    [_FIind, _MUe, _ECr, _EMr],
    [() => OcsfFindingIdentifier$, 0, 0, 0]
];
var BatchUpdateStandardsControlAssociationsRequest$ = [3, n0, _BUSCAR,
    0,
    [_SCAU],
    [() => StandardsControlAssociationUpdates], 1
];
var BatchUpdateStandardsControlAssociationsResponse$ = [3, n0, _BUSCARa,
    0,
    [_UAU],
    [() => UnprocessedStandardsControlAssociationUpdates]
];
var BooleanConfigurationOptions$ = [3, n0, _BCO,
    0,
    [_DVe],
    [2]
];
var BooleanFilter$ = [3, n0, _BF,
    0,
    [_Val],
    [2]
];
var Cell$ = [3, n0, _Cel,
    0,
    [_Col, _Row, _CNol, _CRe],
    [1, 1, 0, 0]
];
var CidrBlockAssociation$ = [3, n0, _CBA,
    0,
    [_AIs, _CBi, _CBSi],
    [0, 0, 0]
];
var City$ = [3, n0, _Ci,
    0,
    [_CNi],
    [0]
];
var ClassificationResult$ = [3, n0, _CRl,
    0,
    [_MTi, _SCi, _AOd, _St, _SDe, _CDI],
    [0, 1, 2, () => ClassificationStatus$, () => SensitiveDataResultList, () => CustomDataIdentifiersResult$]
];
var ClassificationStatus$ = [3, n0, _CSla,
    0,
    [_C, _R],
    [0, 0]
];
var CloudWatchLogsLogGroupArnConfigDetails$ = [3, n0, _CWLLGACD,
    0,
    [_CWLLGA, _HZI, _I],
    [0, 0, 0]
];
var CodeRepositoryDetails$ = [3, n0, _CRD,
    0,
    [_PTrov, _PNroj, _CSIA],
    [0, 0, 0]
];
var CodeVulnerabilitiesFilePath$ = [3, n0, _CVFP,
    0,
    [_ELn, _FNil, _FPil, _SLt],
    [1, 0, 0, 1]
];
var Compliance$ = [3, n0, _Comp,
    0,
    [_St, _RRel, _SRta, _SCIec, _ASssoci, _SCPe],
    [0, 64 | 0, () => StatusReasonsList, 0, () => AssociatedStandardsList, () => SecurityControlParametersList]
];
var CompositeFilter$ = [3, n0, _CF,
    0,
    [_SF, _DF, _BFo, _NF, _MF, _IF, _NCF, _Oper],
    [() => OcsfStringFilterList, () => OcsfDateFilterList, () => OcsfBooleanFilterList, () => OcsfNumberFilterList, () => OcsfMapFilterList, () => OcsfIpFilterList, () => CompositeFilterList, 0]
];
var ConfigurationPolicyAssociation$ = [3, n0, _CPAo,
    0,
    [_Ta],
    [() => Target$]
];
var ConfigurationPolicyAssociationSummary$ = [3, n0, _CPAS,
    0,
    [_CPI, _TIa, _TT, _ATs, _UA, _ASss, _ASM],
    [0, 0, 0, 0, 5, 0, 0]
];
var ConfigurationPolicySummary$ = [3, n0, _CPSo,
    0,
    [_Ar, _I, _N, _D, _UA, _SEe],
    [0, 0, 0, 0, 5, 2]
];
var ConnectorSummary$ = [3, n0, _CSon,
    0,
    [_CIo, _N, _PSr, _CA, _CAon, _D, _ESn, _ESR],
    [0, 0, () => ProviderSummary$, 5, 0, 0, 0, 0], 4
];
var ContainerDetails$ = [3, n0, _CDont,
    0,
    [_CRon, _N, _IIm, _INm, _LA, _VMo, _Priv],
    [0, 0, 0, 0, 0, () => VolumeMountList, 2]
];
var Country$ = [3, n0, _Co,
    0,
    [_CCou, _CNou],
    [0, 0]
];
var CreateActionTargetRequest$ = [3, n0, _CATR,
    0,
    [_N, _D, _I],
    [0, 0, 0], 3
];
var CreateActionTargetResponse$ = [3, n0, _CATRr,
    0,
    [_ATA],
    [0], 1
];
var CreateAggregatorV2Request$ = [3, n0, _CAVR,
    0,
    [_RLM, _LR, _Tags, _CTl],
    [0, 64 | 0, 128 | 0, [0, 4]], 1
];
var CreateAggregatorV2Response$ = [3, n0, _CAVRr,
    0,
    [_AVA, _ARg, _RLM, _LR],
    [0, 0, 0, 64 | 0]
];
var CreateAutomationRuleRequest$ = [3, n0, _CARR,
    0,
    [_RO, _RN, _D, _Cr, _Act, _Tags, _RS, _IT],
    [1, 0, 0, () => AutomationRulesFindingFilters$, () => ActionList, 128 | 0, 0, 2], 5
];
var CreateAutomationRuleResponse$ = [3, n0, _CARRr,
    0,
    [_RA],
    [0]
];
var CreateAutomationRuleV2Request$ = [3, n0, _CARVR,
    0,
    [_RN, _D, _RO, _Cr, _Act, _RS, _Tags, _CTl],
    [0, 0, 1, () => Criteria$, () => AutomationRulesActionListV2, 0, 128 | 0, [0, 4]], 5
];
var CreateAutomationRuleV2Response$ = [3, n0, _CARVRr,
    0,
    [_RA, _RIu],
    [0, 0]
];
var CreateConfigurationPolicyRequest$ = [3, n0, _CCPR,
    0,
    [_N, _CPonf, _D, _Tags],
    [0, () => Policy$, 0, 128 | 0], 2
];
var CreateConfigurationPolicyResponse$ = [3, n0, _CCPRr,
    0,
    [_Ar, _I, _N, _D, _UA, _CA, _CPonf],
    [0, 0, 0, 0, 5, 5, () => Policy$]
];
var CreateConnectorRequest$ = [3, n0, _CCR,
    0,
    [_N, _Prov, _D, _Tags, _CTl],
    [0, () => CspmProviderConfiguration$, 0, 128 | 0, [0, 4]], 2
];
var CreateConnectorResponse$ = [3, n0, _CCRr,
    0,
    [_CAon, _CIo, _CSonn, _ESn],
    [0, 0, 0, 0], 2
];
var CreateConnectorV2Request$ = [3, n0, _CCVR,
    0,
    [_N, _Prov, _D, _KKA, _Tags, _CTl],
    [0, () => ProviderConfiguration$, 0, 0, 128 | 0, [0, 4]], 2
];
var CreateConnectorV2Response$ = [3, n0, _CCVRr,
    0,
    [_CAon, _CIo, _AUut, _CSonn, _ESn],
    [0, 0, 0, 0, 0], 2
];
var CreateFindingAggregatorRequest$ = [3, n0, _CFAR,
    0,
    [_RLM, _Regi],
    [0, 64 | 0], 1
];
var CreateFindingAggregatorResponse$ = [3, n0, _CFARr,
    0,
    [_FAA, _FAR, _RLM, _Regi],
    [0, 0, 0, 64 | 0]
];
var CreateInsightRequest$ = [3, n0, _CIR,
    0,
    [_N, _Filt, _GBA],
    [0, () => AwsSecurityFindingFilters$, 0], 3
];
var CreateInsightResponse$ = [3, n0, _CIRr,
    0,
    [_IAns],
    [0], 1
];
var CreateMembersRequest$ = [3, n0, _CMR,
    0,
    [_AD],
    [() => AccountDetailsList], 1
];
var CreateMembersResponse$ = [3, n0, _CMRr,
    0,
    [_UAnp],
    [() => ResultList]
];
var CreateTicketV2Request$ = [3, n0, _CTVR,
    0,
    [_CIo, _FMU, _CTl, _Mod],
    [0, 0, [0, 4], 0], 2
];
var CreateTicketV2Response$ = [3, n0, _CTVRr,
    0,
    [_TIi, _TSU],
    [0, 0], 1
];
var CspmConnectorSummary$ = [3, n0, _CCSs,
    0,
    [_CAon, _CIo, _N, _D, _PSr, _CA, _CB, _ESn],
    [0, 0, 0, 0, () => CspmProviderSummary$, 5, 0, 0]
];
var CspmHealthCheck$ = [3, n0, _CHCs,
    0,
    [_CSonn, _LCAa, _M, _Iss],
    [0, 5, 0, () => HealthIssueList], 2
];
var CspmProviderSummary$ = [3, n0, _CPSs,
    0,
    [_PNrov, _CSonn, _PCro],
    [0, 0, () => CspmProviderDetail$]
];
var CustomDataIdentifiersDetections$ = [3, n0, _CDID,
    0,
    [_Cou, _Ar, _N, _Oc],
    [1, 0, 0, () => Occurrences$]
];
var CustomDataIdentifiersResult$ = [3, n0, _CDIR,
    0,
    [_Dete, _TCo],
    [() => CustomDataIdentifiersDetectionsList, 1]
];
var Cvss$ = [3, n0, _Cv,
    0,
    [_V, _BS, _BV, _So, _Adj],
    [0, 1, 0, 0, () => AdjustmentList]
];
var DataClassificationDetails$ = [3, n0, _DCD,
    0,
    [_DRL, _Resu],
    [0, () => ClassificationResult$]
];
var DateFilter$ = [3, n0, _DFa,
    0,
    [_Star, _End_, _DRa],
    [0, 0, () => DateRange$]
];
var DateRange$ = [3, n0, _DRa,
    0,
    [_Val, _Un, _Compa],
    [1, 0, 0]
];
var DeclineInvitationsRequest$ = [3, n0, _DIR,
    0,
    [_AIcc],
    [64 | 0], 1
];
var DeclineInvitationsResponse$ = [3, n0, _DIRe,
    0,
    [_UAnp],
    [() => ResultList]
];
var DeleteActionTargetRequest$ = [3, n0, _DATR,
    0,
    [_ATA],
    [[0, 1]], 1
];
var DeleteActionTargetResponse$ = [3, n0, _DATRe,
    0,
    [_ATA],
    [0], 1
];
var DeleteAggregatorV2Request$ = [3, n0, _DAVR,
    0,
    [_AVA],
    [[0, 1]], 1
];
var DeleteAggregatorV2Response$ = [3, n0, _DAVRe,
    0,
    [],
    []
];
var DeleteAutomationRuleV2Request$ = [3, n0, _DARVR,
    0,
    [_Id],
    [[0, 1]], 1
];
var DeleteAutomationRuleV2Response$ = [3, n0, _DARVRe,
    0,
    [],
    []
];
var DeleteConfigurationPolicyRequest$ = [3, n0, _DCPR,
    0,
    [_Id],
    [[0, 1]], 1
];
var DeleteConfigurationPolicyResponse$ = [3, n0, _DCPRe,
    0,
    [],
    []
];
var DeleteConnectorRequest$ = [3, n0, _DCRe,
    0,
    [_CIo],
    [[0, 1]], 1
];
var DeleteConnectorResponse$ = [3, n0, _DCRel,
    0,
    [_ESn],
    [0]
];
var DeleteConnectorV2Request$ = [3, n0, _DCVR,
    0,
    [_CIo],
    [[0, 1]], 1
];
var DeleteConnectorV2Response$ = [3, n0, _DCVRe,
    0,
    [_ESn],
    [0]
];
var DeleteFindingAggregatorRequest$ = [3, n0, _DFAR,
    0,
    [_FAA],
    [[0, 1]], 1
];
var DeleteFindingAggregatorResponse$ = [3, n0, _DFARe,
    0,
    [],
    []
];
var DeleteInsightRequest$ = [3, n0, _DIRel,
    0,
    [_IAns],
    [[0, 1]], 1
];
var DeleteInsightResponse$ = [3, n0, _DIRele,
    0,
    [_IAns],
    [0], 1
];
var DeleteInvitationsRequest$ = [3, n0, _DIRelet,
    0,
    [_AIcc],
    [64 | 0], 1
];
var DeleteInvitationsResponse$ = [3, n0, _DIRelete,
    0,
    [_UAnp],
    [() => ResultList]
];
var DeleteMembersRequest$ = [3, n0, _DMR,
    0,
    [_AIcc],
    [64 | 0], 1
];
var DeleteMembersResponse$ = [3, n0, _DMRe,
    0,
    [_UAnp],
    [() => ResultList]
];
var DescribeActionTargetsRequest$ = [3, n0, _DATRes,
    0,
    [_ATAc, _NTe, _MRa],
    [64 | 0, 0, 1]
];
var DescribeActionTargetsResponse$ = [3, n0, _DATResc,
    0,
    [_ATct, _NTe],
    [() => ActionTargetList, 0], 1
];
var DescribeHubRequest$ = [3, n0, _DHR,
    0,
    [_HA],
    [[0, { [_hQ]: _HA }]]
];
var DescribeHubResponse$ = [3, n0, _DHRe,
    0,
    [_HA, _SAub, _AEC, _CFG],
    [0, 0, 2, 0]
];
var DescribeOrganizationConfigurationRequest$ = [3, n0, _DOCR,
    0,
    [],
    []
];
var DescribeOrganizationConfigurationResponse$ = [3, n0, _DOCRe,
    0,
    [_AEu, _MALR, _AES, _OC],
    [2, 2, 0, () => OrganizationConfiguration$]
];
var DescribeProductsRequest$ = [3, n0, _DPR,
    0,
    [_NTe, _MRa, _PA],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }], [0, { [_hQ]: _PA }]]
];
var DescribeProductsResponse$ = [3, n0, _DPRe,
    0,
    [_Prod, _NTe],
    [() => ProductsList, 0], 1
];
var DescribeProductsV2Request$ = [3, n0, _DPVR,
    0,
    [_NTe, _MRa],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]]
];
var DescribeProductsV2Response$ = [3, n0, _DPVRe,
    0,
    [_PVr, _NTe],
    [() => ProductsV2List, 0], 1
];
var DescribeSecurityHubV2Request$ = [3, n0, _DSHVR,
    0,
    [],
    []
];
var DescribeSecurityHubV2Response$ = [3, n0, _DSHVRe,
    0,
    [_HVA, _SAub, _Fe],
    [0, 0, () => Features]
];
var DescribeStandardsControlsRequest$ = [3, n0, _DSCR,
    0,
    [_SSAt, _NTe, _MRa],
    [[0, 1], [0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]], 1
];
var DescribeStandardsControlsResponse$ = [3, n0, _DSCRe,
    0,
    [_Contr, _NTe],
    [() => StandardsControls, 0]
];
var DescribeStandardsRequest$ = [3, n0, _DSR,
    0,
    [_NTe, _MRa, _Provi],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }], [64 | 0, { [_hQ]: _Provi }]]
];
var DescribeStandardsResponse$ = [3, n0, _DSRe,
    0,
    [_Stan, _NTe],
    [() => Standards, 0]
];
var Detection$ = [3, n0, _Det,
    0,
    [_Seq],
    [() => Sequence$]
];
var DisableImportFindingsForProductRequest$ = [3, n0, _DIFFPR,
    0,
    [_PSA],
    [[0, 1]], 1
];
var DisableImportFindingsForProductResponse$ = [3, n0, _DIFFPRi,
    0,
    [],
    []
];
var DisableOrganizationAdminAccountRequest$ = [3, n0, _DOAAR,
    0,
    [_AAId, _Fea],
    [0, 0], 1
];
var DisableOrganizationAdminAccountResponse$ = [3, n0, _DOAARi,
    0,
    [],
    []
];
var DisableSecurityHubFeatureV2Request$ = [3, n0, _DSHFVR,
    0,
    [_FNe],
    [[0, 1]], 1
];
var DisableSecurityHubFeatureV2Response$ = [3, n0, _DSHFVRi,
    0,
    [],
    []
];
var DisableSecurityHubRequest$ = [3, n0, _DSHR,
    0,
    [],
    []
];
var DisableSecurityHubResponse$ = [3, n0, _DSHRi,
    0,
    [],
    []
];
var DisableSecurityHubV2Request$ = [3, n0, _DSHVRi,
    0,
    [],
    []
];
var DisableSecurityHubV2Response$ = [3, n0, _DSHVRis,
    0,
    [],
    []
];
var DisassociateFromAdministratorAccountRequest$ = [3, n0, _DFAAR,
    0,
    [],
    []
];
var DisassociateFromAdministratorAccountResponse$ = [3, n0, _DFAARi,
    0,
    [],
    []
];
var DisassociateFromMasterAccountRequest$ = [3, n0, _DFMAR,
    0,
    [],
    []
];
var DisassociateFromMasterAccountResponse$ = [3, n0, _DFMARi,
    0,
    [],
    []
];
var DisassociateMembersRequest$ = [3, n0, _DMRi,
    0,
    [_AIcc],
    [64 | 0], 1
];
var DisassociateMembersResponse$ = [3, n0, _DMRis,
    0,
    [],
    []
];
var DnsRequestAction$ = [3, n0, _DRA,
    0,
    [_Do, _Prot, _Blo],
    [0, 0, 2]
];
var DoubleConfigurationOptions$ = [3, n0, _DCO,
    0,
    [_DVe, _Mi, _Max],
    [1, 1, 1]
];
var EnableImportFindingsForProductRequest$ = [3, n0, _EIFFPR,
    0,
    [_PA],
    [0], 1
];
var EnableImportFindingsForProductResponse$ = [3, n0, _EIFFPRn,
    0,
    [_PSA],
    [0]
];
var EnableOrganizationAdminAccountRequest$ = [3, n0, _EOAAR,
    0,
    [_AAId, _Fea],
    [0, 0], 1
];
var EnableOrganizationAdminAccountResponse$ = [3, n0, _EOAARn,
    0,
    [_AAId, _Fea],
    [0, 0]
];
var EnableSecurityHubFeatureV2Request$ = [3, n0, _ESHFVR,
    0,
    [_FNe],
    [[0, 1]], 1
];
var EnableSecurityHubFeatureV2Response$ = [3, n0, _ESHFVRn,
    0,
    [],
    []
];
var EnableSecurityHubRequest$ = [3, n0, _ESHR,
    0,
    [_Tags, _EDS, _CFG],
    [128 | 0, 2, 0]
];
var EnableSecurityHubResponse$ = [3, n0, _ESHRn,
    0,
    [],
    []
];
var EnableSecurityHubV2Request$ = [3, n0, _ESHVR,
    0,
    [_Tags],
    [128 | 0]
];
var EnableSecurityHubV2Response$ = [3, n0, _ESHVRn,
    0,
    [_HVA],
    [0]
];
var EnumConfigurationOptions$ = [3, n0, _ECO,
    0,
    [_DVe, _AVl],
    [0, 64 | 0]
];
var EnumListConfigurationOptions$ = [3, n0, _ELCO,
    0,
    [_DVe, _MIa, _AVl],
    [64 | 0, 1, 64 | 0]
];
var ExternalIntegrationConfiguration$ = [3, n0, _EIC,
    0,
    [_CAon],
    [0]
];
var FeatureDetail$ = [3, n0, _FD,
    0,
    [_FSe, _UA],
    [0, 5]
];
var FilePaths$ = [3, n0, _FPile,
    0,
    [_FPil, _FNil, _RI, _Has],
    [0, 0, 0, 0]
];
var FindingAggregator$ = [3, n0, _FAin,
    0,
    [_FAA],
    [0]
];
var FindingHistoryRecord$ = [3, n0, _FHR,
    0,
    [_FIind, _UTp, _FCin, _USp, _Up, _NTe],
    [() => AwsSecurityFindingIdentifier$, 5, 2, () => FindingHistoryUpdateSource$, () => FindingHistoryUpdatesList, 0]
];
var FindingHistoryUpdate$ = [3, n0, _FHU,
    0,
    [_UFp, _OVl, _NVe],
    [0, 0, 0]
];
var FindingHistoryUpdateSource$ = [3, n0, _FHUS,
    0,
    [_T, _Ide],
    [0, 0]
];
var FindingProviderFields$ = [3, n0, _FPFi,
    0,
    [_Con, _Cri, _RF, _Se, _Ty],
    [1, 1, () => RelatedFindingList, () => FindingProviderSeverity$, 64 | 0]
];
var FindingProviderSeverity$ = [3, n0, _FPS,
    0,
    [_Lab, _Orig],
    [0, 0]
];
var FindingScopes$ = [3, n0, _FSi,
    0,
    [_AOw],
    [() => AwsOrganizationScopeList]
];
var FindingsTrendsCompositeFilter$ = [3, n0, _FTCF,
    0,
    [_SF, _NCF, _Oper],
    [() => FindingsTrendsStringFilterList, () => FindingsTrendsCompositeFilterList, 0]
];
var FindingsTrendsFilters$ = [3, n0, _FTF,
    0,
    [_CFo, _COo],
    [() => FindingsTrendsCompositeFilterList, 0]
];
var FindingsTrendsStringFilter$ = [3, n0, _FTSF,
    0,
    [_FNie, _Fil],
    [0, () => StringFilter$]
];
var FirewallPolicyDetails$ = [3, n0, _FPD,
    0,
    [_SRGR, _SCAt, _SDA, _SFDA, _SRGRt],
    [() => FirewallPolicyStatefulRuleGroupReferencesList, () => FirewallPolicyStatelessCustomActionsList, 64 | 0, 64 | 0, () => FirewallPolicyStatelessRuleGroupReferencesList]
];
var FirewallPolicyStatefulRuleGroupReferencesDetails$ = [3, n0, _FPSRGRD,
    0,
    [_RAe],
    [0]
];
var FirewallPolicyStatelessCustomActionsDetails$ = [3, n0, _FPSCAD,
    0,
    [_ADct, _ANct],
    [() => StatelessCustomActionDefinition$, 0]
];
var FirewallPolicyStatelessRuleGroupReferencesDetails$ = [3, n0, _FPSRGRDi,
    0,
    [_Prio, _RAe],
    [1, 0]
];
var FreeTrialStatus$ = [3, n0, _FTSr,
    0,
    [_FT, _St, _SAt, _EAx],
    [0, 0, 5, 5], 4
];
var GenerateRecommendedPolicyV2Request$ = [3, n0, _GRPVR,
    0,
    [_MUe],
    [[0, 1]], 1
];
var GenerateRecommendedPolicyV2Response$ = [3, n0, _GRPVRe,
    0,
    [],
    []
];
var GeneratorDetails$ = [3, n0, _GD,
    0,
    [_N, _D, _La],
    [0, 0, 64 | 0]
];
var GeoLocation$ = [3, n0, _GL,
    0,
    [_Lon, _Lat],
    [1, 1]
];
var GetAdministratorAccountRequest$ = [3, n0, _GAAR,
    0,
    [],
    []
];
var GetAdministratorAccountResponse$ = [3, n0, _GAARe,
    0,
    [_Adm],
    [() => Invitation$]
];
var GetAggregatorV2Request$ = [3, n0, _GAVR,
    0,
    [_AVA],
    [[0, 1]], 1
];
var GetAggregatorV2Response$ = [3, n0, _GAVRe,
    0,
    [_AVA, _ARg, _RLM, _LR],
    [0, 0, 0, 64 | 0]
];
var GetAutomationRuleV2Request$ = [3, n0, _GARVR,
    0,
    [_Id],
    [[0, 1]], 1
];
var GetAutomationRuleV2Response$ = [3, n0, _GARVRe,
    0,
    [_RA, _RIu, _RO, _RN, _RS, _D, _Cr, _Act, _CA, _UA],
    [0, 0, 1, 0, 0, 0, () => Criteria$, () => AutomationRulesActionListV2, 5, 5]
];
var GetConfigurationPolicyAssociationRequest$ = [3, n0, _GCPAR,
    0,
    [_Ta],
    [() => Target$], 1
];
var GetConfigurationPolicyAssociationResponse$ = [3, n0, _GCPARe,
    0,
    [_CPI, _TIa, _TT, _ATs, _UA, _ASss, _ASM],
    [0, 0, 0, 0, 5, 0, 0]
];
var GetConfigurationPolicyRequest$ = [3, n0, _GCPR,
    0,
    [_Id],
    [[0, 1]], 1
];
var GetConfigurationPolicyResponse$ = [3, n0, _GCPRe,
    0,
    [_Ar, _I, _N, _D, _UA, _CA, _CPonf],
    [0, 0, 0, 0, 5, 5, () => Policy$]
];
var GetConnectorRequest$ = [3, n0, _GCR,
    0,
    [_CIo],
    [[0, 1]], 1
];
var GetConnectorResponse$ = [3, n0, _GCRe,
    0,
    [_CIo, _N, _CA, _LUA, _He, _PD, _CAon, _D, _CB, _ESn],
    [0, 0, 5, 5, () => CspmHealthCheck$, () => CspmProviderDetail$, 0, 0, 0, 0], 6
];
var GetConnectorV2Request$ = [3, n0, _GCVR,
    0,
    [_CIo],
    [[0, 1]], 1
];
var GetConnectorV2Response$ = [3, n0, _GCVRe,
    0,
    [_CIo, _N, _CA, _LUA, _He, _PD, _CAon, _D, _KKA, _ESn, _ESR],
    [0, 0, 5, 5, () => HealthCheck$, () => ProviderDetail$, 0, 0, 0, 0, 0], 6
];
var GetEnabledStandardsRequest$ = [3, n0, _GESR,
    0,
    [_SSA, _NTe, _MRa, _Provi],
    [64 | 0, 0, 1, 64 | 0]
];
var GetEnabledStandardsResponse$ = [3, n0, _GESRe,
    0,
    [_SSta, _NTe],
    [() => StandardsSubscriptions, 0]
];
var GetFindingAggregatorRequest$ = [3, n0, _GFAR,
    0,
    [_FAA],
    [[0, 1]], 1
];
var GetFindingAggregatorResponse$ = [3, n0, _GFARe,
    0,
    [_FAA, _FAR, _RLM, _Regi],
    [0, 0, 0, 64 | 0]
];
var GetFindingHistoryRequest$ = [3, n0, _GFHR,
    0,
    [_FIind, _STtar, _ETnd, _NTe, _MRa],
    [() => AwsSecurityFindingIdentifier$, 5, 5, 0, 1], 1
];
var GetFindingHistoryResponse$ = [3, n0, _GFHRe,
    0,
    [_Rec, _NTe],
    [() => FindingHistoryRecordList, 0]
];
var GetFindingsRequest$ = [3, n0, _GFR,
    0,
    [_Filt, _SCor, _NTe, _MRa],
    [() => AwsSecurityFindingFilters$, () => SortCriteria, 0, 1]
];
var GetFindingsResponse$ = [3, n0, _GFRe,
    0,
    [_Fin, _NTe],
    [() => AwsSecurityFindingList, 0], 1
];
var GetFindingStatisticsV2Request$ = [3, n0, _GFSVR,
    0,
    [_GBR, _Sco, _SOo, _MSR],
    [() => GroupByRules, () => FindingScopes$, 0, 1], 1
];
var GetFindingStatisticsV2Response$ = [3, n0, _GFSVRe,
    0,
    [_GBRr],
    [() => GroupByResults]
];
var GetFindingsTrendsV2Request$ = [3, n0, _GFTVR,
    0,
    [_STtar, _ETnd, _Filt, _NTe, _MRa],
    [5, 5, () => FindingsTrendsFilters$, 0, 1], 2
];
var GetFindingsTrendsV2Response$ = [3, n0, _GFTVRe,
    0,
    [_Gra, _TMr, _NTe],
    [0, () => TrendsMetrics, 0], 2
];
var GetFindingsV2Request$ = [3, n0, _GFVR,
    0,
    [_Filt, _Sco, _SCor, _NTe, _MRa],
    [() => OcsfFindingFilters$, () => FindingScopes$, () => SortCriteria, 0, 1]
];
var GetFindingsV2Response$ = [3, n0, _GFVRe,
    0,
    [_Fin, _NTe],
    [64 | 15, 0]
];
var GetInsightResultsRequest$ = [3, n0, _GIRR,
    0,
    [_IAns],
    [[0, 1]], 1
];
var GetInsightResultsResponse$ = [3, n0, _GIRRe,
    0,
    [_IRn],
    [() => InsightResults$], 1
];
var GetInsightsRequest$ = [3, n0, _GIR,
    0,
    [_IAnsi, _NTe, _MRa],
    [64 | 0, 0, 1]
];
var GetInsightsResponse$ = [3, n0, _GIRe,
    0,
    [_Insi, _NTe],
    [() => InsightList, 0], 1
];
var GetInvitationsCountRequest$ = [3, n0, _GICR,
    0,
    [],
    []
];
var GetInvitationsCountResponse$ = [3, n0, _GICRe,
    0,
    [_ICnv],
    [1]
];
var GetMasterAccountRequest$ = [3, n0, _GMAR,
    0,
    [],
    []
];
var GetMasterAccountResponse$ = [3, n0, _GMARe,
    0,
    [_Mas],
    [() => Invitation$]
];
var GetMembersRequest$ = [3, n0, _GMR,
    0,
    [_AIcc],
    [64 | 0], 1
];
var GetMembersResponse$ = [3, n0, _GMRe,
    0,
    [_Memb, _UAnp],
    [() => MemberList, () => ResultList]
];
var GetRecommendedPolicyV2Request$ = [3, n0, _GRPVRet,
    0,
    [_MUe, _NTe, _MRa],
    [[0, 1], [0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]], 1
];
var GetRecommendedPolicyV2Response$ = [3, n0, _GRPVRete,
    0,
    [_NTe, _RTeco, _RSec, _Er, _St, _RAe],
    [0, 0, () => RecommendationSteps, () => RecommendationError$, 0, 0]
];
var GetResourcesStatisticsV2Request$ = [3, n0, _GRSVR,
    0,
    [_GBR, _Sco, _SOo, _MSR],
    [() => ResourceGroupByRules, () => ResourceScopes$, 0, 1], 1
];
var GetResourcesStatisticsV2Response$ = [3, n0, _GRSVRe,
    0,
    [_GBRr],
    [() => GroupByResults], 1
];
var GetResourcesTrendsV2Request$ = [3, n0, _GRTVR,
    0,
    [_STtar, _ETnd, _Filt, _NTe, _MRa],
    [5, 5, () => ResourcesTrendsFilters$, 0, 1], 2
];
var GetResourcesTrendsV2Response$ = [3, n0, _GRTVRe,
    0,
    [_Gra, _TMr, _NTe],
    [0, () => ResourcesTrendsMetrics, 0], 2
];
var GetResourcesV2Request$ = [3, n0, _GRVR,
    0,
    [_Filt, _Sco, _SCor, _NTe, _MRa],
    [() => ResourcesFilters$, () => ResourceScopes$, () => SortCriteria, 0, 1]
];
var GetResourcesV2Response$ = [3, n0, _GRVRe,
    0,
    [_Res, _NTe],
    [() => Resources, 0], 1
];
var GetSecurityControlDefinitionRequest$ = [3, n0, _GSCDR,
    0,
    [_SCIec],
    [[0, { [_hQ]: _SCIec }]], 1
];
var GetSecurityControlDefinitionResponse$ = [3, n0, _GSCDRe,
    0,
    [_SCD],
    [() => SecurityControlDefinition$], 1
];
var GroupByResult$ = [3, n0, _GBRro,
    0,
    [_GBF, _GBV],
    [0, () => GroupByValues]
];
var GroupByRule$ = [3, n0, _GBRrou,
    0,
    [_GBF, _Filt],
    [0, () => OcsfFindingFilters$], 1
];
var GroupByValue$ = [3, n0, _GBVr,
    0,
    [_FV, _Cou],
    [0, 1]
];
var HealthCheck$ = [3, n0, _HC,
    0,
    [_CSonn, _LCAa, _M, _Iss],
    [0, 5, 0, () => HealthIssueList], 2
];
var HealthIssue$ = [3, n0, _HIe,
    0,
    [_C, _M],
    [0, 0], 2
];
var IcmpTypeCode$ = [3, n0, _ITC,
    0,
    [_C, _T],
    [1, 1]
];
var ImportFindingsError$ = [3, n0, _IFE,
    0,
    [_I, _ECr, _EMr],
    [0, 0, 0], 3
];
var Indicator$ = [3, n0, _Ind,
    0,
    [_K, _Valu, _Ti, _T],
    [0, 64 | 0, 0, 0]
];
var Insight$ = [3, n0, _Insig,
    0,
    [_IAns, _N, _Filt, _GBA],
    [0, 0, () => AwsSecurityFindingFilters$, 0], 4
];
var InsightResults$ = [3, n0, _IRn,
    0,
    [_IAns, _GBA, _RV],
    [0, 0, () => InsightResultValueList], 3
];
var InsightResultValue$ = [3, n0, _IRV,
    0,
    [_GBAV, _Cou],
    [0, 1], 2
];
var IntegerConfigurationOptions$ = [3, n0, _ICO,
    0,
    [_DVe, _Mi, _Max],
    [1, 1, 1]
];
var IntegerListConfigurationOptions$ = [3, n0, _ILCO,
    0,
    [_DVe, _Mi, _Max, _MIa],
    [64 | 1, 1, 1, 1]
];
var Invitation$ = [3, n0, _Inv,
    0,
    [_AIc, _II, _IAnv, _MSemb],
    [0, 0, 5, 0]
];
var InviteMembersRequest$ = [3, n0, _IMR,
    0,
    [_AIcc],
    [64 | 0], 1
];
var InviteMembersResponse$ = [3, n0, _IMRn,
    0,
    [_UAnp],
    [() => ResultList]
];
var IpFilter$ = [3, n0, _IFp,
    0,
    [_Cid],
    [0]
];
var IpOrganizationDetails$ = [3, n0, _IOD,
    0,
    [_Asn, _AOs, _Isp, _Org],
    [1, 0, 0, 0]
];
var Ipv6CidrBlockAssociation$ = [3, n0, _ICBA,
    0,
    [_AIs, _ICB, _CBSi],
    [0, 0, 0]
];
var JiraCloudDetail$ = [3, n0, _JCD,
    0,
    [_CIlo, _PK, _Do, _AUut, _ASut],
    [0, 0, 0, 0, 0]
];
var JiraCloudProviderConfiguration$ = [3, n0, _JCPC,
    0,
    [_PK],
    [0]
];
var JiraCloudUpdateConfiguration$ = [3, n0, _JCUC,
    0,
    [_PK],
    [0]
];
var KeywordFilter$ = [3, n0, _KF,
    0,
    [_Val],
    [0]
];
var ListAggregatorsV2Request$ = [3, n0, _LAVR,
    0,
    [_NTe, _MRa],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]]
];
var ListAggregatorsV2Response$ = [3, n0, _LAVRi,
    0,
    [_AVg, _NTe],
    [() => AggregatorV2List, 0]
];
var ListAutomationRulesRequest$ = [3, n0, _LARR,
    0,
    [_NTe, _MRa],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]]
];
var ListAutomationRulesResponse$ = [3, n0, _LARRi,
    0,
    [_ARM, _NTe],
    [() => AutomationRulesMetadataList, 0]
];
var ListAutomationRulesV2Request$ = [3, n0, _LARVR,
    0,
    [_NTe, _MRa],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]]
];
var ListAutomationRulesV2Response$ = [3, n0, _LARVRi,
    0,
    [_Rul, _NTe],
    [() => AutomationRulesMetadataListV2, 0]
];
var ListConfigurationPoliciesRequest$ = [3, n0, _LCPR,
    0,
    [_NTe, _MRa],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]]
];
var ListConfigurationPoliciesResponse$ = [3, n0, _LCPRi,
    0,
    [_CPSon, _NTe],
    [() => ConfigurationPolicySummaryList, 0]
];
var ListConfigurationPolicyAssociationsRequest$ = [3, n0, _LCPAR,
    0,
    [_NTe, _MRa, _Filt],
    [0, 1, () => AssociationFilters$]
];
var ListConfigurationPolicyAssociationsResponse$ = [3, n0, _LCPARi,
    0,
    [_CPASo, _NTe],
    [() => ConfigurationPolicyAssociationSummaryList, 0]
];
var ListConnectorsRequest$ = [3, n0, _LCR,
    0,
    [_NTe, _MRa, _PNrov, _CSonn, _ESn],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }], [0, { [_hQ]: _PNrov }], [0, { [_hQ]: _CSonn }], [0, { [_hQ]: _ESn }]]
];
var ListConnectorsResponse$ = [3, n0, _LCRi,
    0,
    [_Conn, _NTe],
    [() => CspmConnectorSummaryList, 0], 1
];
var ListConnectorsV2Request$ = [3, n0, _LCVR,
    0,
    [_NTe, _MRa, _PNrov, _CSonn, _ESn],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }], [0, { [_hQ]: _PNrov }], [0, { [_hQ]: _CSonn }], [0, { [_hQ]: _ESn }]]
];
var ListConnectorsV2Response$ = [3, n0, _LCVRi,
    0,
    [_Conn, _NTe],
    [() => ConnectorSummaryList, 0], 1
];
var ListEnabledProductsForImportRequest$ = [3, n0, _LEPFIR,
    0,
    [_NTe, _MRa],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]]
];
var ListEnabledProductsForImportResponse$ = [3, n0, _LEPFIRi,
    0,
    [_PSro, _NTe],
    [64 | 0, 0]
];
var ListFindingAggregatorsRequest$ = [3, n0, _LFAR,
    0,
    [_NTe, _MRa],
    [[0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]]
];
var ListFindingAggregatorsResponse$ = [3, n0, _LFARi,
    0,
    [_FAind, _NTe],
    [() => FindingAggregatorList, 0]
];
var ListFreeTrialStatusesV2Request$ = [3, n0, _LFTSVR,
    0,
    [_AIcc, _Statu, _MRa, _NTe],
    [64 | 0, 64 | 0, 1, 0]
];
var ListFreeTrialStatusesV2Response$ = [3, n0, _LFTSVRi,
    0,
    [_AFTSc, _NTe],
    [() => AccountFreeTrialStatusList, 0], 1
];
var ListInvitationsRequest$ = [3, n0, _LIR,
    0,
    [_MRa, _NTe],
    [[1, { [_hQ]: _MRa }], [0, { [_hQ]: _NTe }]]
];
var ListInvitationsResponse$ = [3, n0, _LIRi,
    0,
    [_Invi, _NTe],
    [() => InvitationList, 0]
];
var ListMembersRequest$ = [3, n0, _LMR,
    0,
    [_OAn, _MRa, _NTe],
    [[2, { [_hQ]: _OAn }], [1, { [_hQ]: _MRa }], [0, { [_hQ]: _NTe }]]
];
var ListMembersResponse$ = [3, n0, _LMRi,
    0,
    [_Memb, _NTe],
    [() => MemberList, 0]
];
var ListOrganizationAdminAccountsRequest$ = [3, n0, _LOAAR,
    0,
    [_MRa, _NTe, _Fea],
    [[1, { [_hQ]: _MRa }], [0, { [_hQ]: _NTe }], [0, { [_hQ]: _Fea }]]
];
var ListOrganizationAdminAccountsResponse$ = [3, n0, _LOAARi,
    0,
    [_AAdm, _NTe, _Fea],
    [() => AdminAccounts, 0, 0]
];
var ListSecurityControlDefinitionsRequest$ = [3, n0, _LSCDR,
    0,
    [_SAta, _NTe, _MRa, _Provi],
    [[0, { [_hQ]: _SAta }], [0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }], [64 | 0, { [_hQ]: _Provi }]]
];
var ListSecurityControlDefinitionsResponse$ = [3, n0, _LSCDRi,
    0,
    [_SCDe, _NTe],
    [() => SecurityControlDefinitions, 0], 1
];
var ListStandardsControlAssociationsRequest$ = [3, n0, _LSCAR,
    0,
    [_SCIec, _NTe, _MRa],
    [[0, { [_hQ]: _SCIec }], [0, { [_hQ]: _NTe }], [1, { [_hQ]: _MRa }]], 1
];
var ListStandardsControlAssociationsResponse$ = [3, n0, _LSCARi,
    0,
    [_SCAS, _NTe],
    [() => StandardsControlAssociationSummaries, 0], 1
];
var ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_RAe],
    [[0, 1]], 1
];
var ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_Tags],
    [128 | 0]
];
var LoadBalancerState$ = [3, n0, _LBS,
    0,
    [_C, _R],
    [0, 0]
];
var Malware$ = [3, n0, _Mal,
    0,
    [_N, _T, _Pat, _Sta],
    [0, 0, 0, 0], 1
];
var MapFilter$ = [3, n0, _MFa,
    0,
    [_K, _Val, _Compa],
    [0, 0, 0]
];
var Member$ = [3, n0, _Membe,
    0,
    [_AIc, _E, _MI, _AI, _MSemb, _IAnv, _UA],
    [0, 0, 0, 0, 0, 5, 5]
];
var Network$ = [3, n0, _Ne,
    0,
    [_Dir, _Prot, _OPR, _SIV, _SIVo, _SPou, _SDo, _SMo, _DIV, _DIVe, _DPes, _DDe],
    [0, 0, () => PortRange$, 0, 0, 1, 0, 0, 0, 0, 1, 0]
];
var NetworkAutonomousSystem$ = [3, n0, _NAS,
    0,
    [_N, _Nu],
    [0, 1]
];
var NetworkConnection$ = [3, n0, _NCe,
    0,
    [_Dir],
    [0]
];
var NetworkConnectionAction$ = [3, n0, _NCA,
    0,
    [_CDonne, _RID, _RPD, _LPD, _Prot, _Blo],
    [0, () => ActionRemoteIpDetails$, () => ActionRemotePortDetails$, () => ActionLocalPortDetails$, 0, 2]
];
var NetworkEndpoint$ = [3, n0, _NE,
    0,
    [_I, _Ip, _Do, _P, _Loc, _ASuto, _Conne],
    [0, 0, 0, 1, () => NetworkGeoLocation$, () => NetworkAutonomousSystem$, () => NetworkConnection$]
];
var NetworkGeoLocation$ = [3, n0, _NGL,
    0,
    [_Ci, _Co, _Lat, _Lon],
    [0, 0, 1, 1]
];
var NetworkHeader$ = [3, n0, _NH,
    0,
    [_Prot, _Des, _So],
    [0, () => NetworkPathComponentDetails$, () => NetworkPathComponentDetails$]
];
var NetworkPathComponent$ = [3, n0, _NPC,
    0,
    [_CIom, _CTomp, _Eg, _Ing],
    [0, 0, () => NetworkHeader$, () => NetworkHeader$]
];
var NetworkPathComponentDetails$ = [3, n0, _NPCD,
    0,
    [_Addr, _PRo],
    [64 | 0, () => PortRangeList]
];
var Note$ = [3, n0, _No,
    0,
    [_Tex, _UBp, _UA],
    [0, 0, 0], 3
];
var NoteUpdate$ = [3, n0, _NU,
    0,
    [_Tex, _UBp],
    [0, 0], 2
];
var NumberFilter$ = [3, n0, _NFu,
    0,
    [_Gt, _Lt, _Eq, _Gt_, _Lt_],
    [1, 1, 1, 1, 1]
];
var Occurrences$ = [3, n0, _Oc,
    0,
    [_LRi, _OR, _Pag, _Rec, _Cell],
    [() => Ranges, () => Ranges, () => Pages, () => Records, () => Cells]
];
var OcsfBooleanFilter$ = [3, n0, _OBF,
    0,
    [_FNie, _Fil],
    [0, () => BooleanFilter$]
];
var OcsfDateFilter$ = [3, n0, _ODF,
    0,
    [_FNie, _Fil],
    [0, () => DateFilter$]
];
var OcsfFindingFilters$ = [3, n0, _OFF,
    0,
    [_CFo, _COo],
    [() => CompositeFilterList, 0]
];
var OcsfFindingIdentifier$ = [3, n0, _OFI,
    0,
    [_CAU, _FIU, _MPU],
    [0, 0, 0], 3
];
var OcsfIpFilter$ = [3, n0, _OIF,
    0,
    [_FNie, _Fil],
    [0, () => IpFilter$]
];
var OcsfMapFilter$ = [3, n0, _OMF,
    0,
    [_FNie, _Fil],
    [0, () => MapFilter$]
];
var OcsfNumberFilter$ = [3, n0, _ONF,
    0,
    [_FNie, _Fil],
    [0, () => NumberFilter$]
];
var OcsfStringFilter$ = [3, n0, _OSF,
    0,
    [_FNie, _Fil],
    [0, () => StringFilter$]
];
var OrganizationConfiguration$ = [3, n0, _OC,
    0,
    [_CTon, _St, _SM],
    [0, 0, 0]
];
var Page$ = [3, n0, _Page,
    0,
    [_PNag, _LRin, _ORf],
    [1, () => Range$, () => Range$]
];
var ParameterConfiguration$ = [3, n0, _PCa,
    0,
    [_VTa, _Val],
    [0, () => ParameterValue$], 1
];
var ParameterDefinition$ = [3, n0, _PDa,
    0,
    [_D, _COon],
    [0, () => ConfigurationOptions$], 2
];
var PatchSummary$ = [3, n0, _PSa,
    0,
    [_I, _ICns, _MC, _FCai, _IOC, _IRC, _IPR, _OST, _OET, _ROeb, _Opera],
    [0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0], 1
];
var PortProbeAction$ = [3, n0, _PPA,
    0,
    [_PPD, _Blo],
    [() => PortProbeDetailList, 2]
];
var PortProbeDetail$ = [3, n0, _PPDo,
    0,
    [_LPD, _LID, _RID],
    [() => ActionLocalPortDetails$, () => ActionLocalIpDetails$, () => ActionRemoteIpDetails$]
];
var PortRange$ = [3, n0, _PR,
    0,
    [_Be, _End_],
    [1, 1]
];
var PortRangeFromTo$ = [3, n0, _PRFT,
    0,
    [_Fr, _To],
    [1, 1]
];
var ProcessDetails$ = [3, n0, _PDr,
    0,
    [_N, _Pat, _Pi, _PPa, _LA, _TAe],
    [0, 0, 1, 1, 0, 0]
];
var Product$ = [3, n0, _Produ,
    0,
    [_PA, _PNr, _CN, _D, _Cate, _ITnte, _MUa, _AUc, _PSRP],
    [0, 0, 0, 0, 64 | 0, 64 | 0, 0, 0, 0], 1
];
var ProductV2$ = [3, n0, _PVro,
    0,
    [_PVN, _CN, _D, _Cate, _IVT, _MUa, _AUc, _MPI],
    [0, 0, 0, 64 | 0, 64 | 0, 0, 0, 0]
];
var PropagatingVgwSetDetails$ = [3, n0, _PVSD,
    0,
    [_GI],
    [0]
];
var ProviderSummary$ = [3, n0, _PSr,
    0,
    [_PNrov, _CSonn, _PCro],
    [0, 0, () => ProviderDetail$]
];
var Range$ = [3, n0, _Ra,
    0,
    [_Star, _End_, _SCta],
    [1, 1, 1]
];
var Recommendation$ = [3, n0, _Reco,
    0,
    [_Tex, _Ur],
    [0, 0]
];
var RecommendationError$ = [3, n0, _REec,
    0,
    [_C, _M],
    [0, 0]
];
var _Record$ = [3, n0, _Recor,
    0,
    [_JP, _RIec],
    [0, 1]
];
var RegisterConnectorV2Request$ = [3, n0, _RCVR,
    0,
    [_ACut, _ASuth],
    [0, 0], 2
];
var RegisterConnectorV2Response$ = [3, n0, _RCVRe,
    0,
    [_CIo, _CAon],
    [0, 0], 1
];
var RelatedFinding$ = [3, n0, _RFe,
    0,
    [_PA, _I],
    [0, 0], 2
];
var Remediation$ = [3, n0, _Rem,
    0,
    [_Reco],
    [() => Recommendation$]
];
var Resource$ = [3, n0, _Reso,
    0,
    [_T, _I, _Par, _Reg, _Prov, _Ow, _RReso, _Tags, _DCat, _Deta, _ANp, _AAp],
    [0, 0, 0, 0, 0, () => ResourceOwner$, 0, 128 | 0, () => DataClassificationDetails$, () => ResourceDetails$, 0, 0], 2
];
var ResourceDetails$ = [3, n0, _RDe,
    0,
    [_AASASG, _ACBP, _ACFD, _AEI, _AENI, _AESG, _AEV, _AEVw, _AEE, _AESw, _AENA, _AELB, _AEBE, _AED, _ASB, _ASAPAB, _ASOw, _ASMS, _AIAK, _AIU, _AIP, _AAGVS, _AAGVA, _ADDT, _AAGS, _AAGRA, _ACTT, _ASPC, _ACMC, _ARCw, _AELBw, _AIG, _AIRw, _AKK, _ALF, _ALLV, _ARDI, _AST, _ASQ, _AWWA, _ARDS, _ARDCS, _ARDC, _AECw, _AECws, _AETDw, _Conta, _Ot, _ARES, _AESws, _AASLC, _AEVC, _AECI, _AOSSD, _AEVES, _AXEC, _AWRBR, _AWRRBR, _AER, _AECwsk, _ANFFP, _ANFF, _ANFRG, _ARDSGw, _AKSw, _AETG, _AEAP, _ACFS, _ACWA, _AEVPC, _AWRRG, _AWRR, _AWRWA, _AWR, _AWRG, _AET, _ABBV, _ABBP, _ABRP, _AELT, _ASMNI, _AWWAw, _AWRGw, _AERT, _AAMB, _AASGQA, _AESR, _AGDD, _ASFSM, _AAWG, _AEEw, _ADEw, _AEEws, _ADRT, _ADRI, _ARHZ, _AMC, _ASAP, _AECVE, _CRod, _ARzu],
    [() => AwsAutoScalingAutoScalingGroupDetails$, () => AwsCodeBuildProjectDetails$, () => AwsCloudFrontDistributionDetails$, () => AwsEc2InstanceDetails$, () => AwsEc2NetworkInterfaceDetails$, () => AwsEc2SecurityGroupDetails$, () => AwsEc2VolumeDetails$, () => AwsEc2VpcDetails$, () => AwsEc2EipDetails$, () => AwsEc2SubnetDetails$, () => AwsEc2NetworkAclDetails$, () => AwsElbv2LoadBalancerDetails$, () => AwsElasticBeanstalkEnvironmentDetails$, () => AwsElasticsearchDomainDetails$, () => AwsS3BucketDetails$, () => AwsS3AccountPublicAccessBlockDetails$, () => AwsS3ObjectDetails$, () => AwsSecretsManagerSecretDetails$, () => AwsIamAccessKeyDetails$, () => AwsIamUserDetails$, () => AwsIamPolicyDetails$, () => AwsApiGatewayV2StageDetails$, () => AwsApiGatewayV2ApiDetails$, () => AwsDynamoDbTableDetails$, () => AwsApiGatewayStageDetails$, () => AwsApiGatewayRestApiDetails$, () => AwsCloudTrailTrailDetails$, () => AwsSsmPatchComplianceDetails$, () => AwsCertificateManagerCertificateDetails$, () => AwsRedshiftClusterDetails$, () => AwsElbLoadBalancerDetails$, () => AwsIamGroupDetails$, () => AwsIamRoleDetails$, () => AwsKmsKeyDetails$, () => AwsLambdaFunctionDetails$, () => AwsLambdaLayerVersionDetails$, () => AwsRdsDbInstanceDetails$, () => AwsSnsTopicDetails$, () => AwsSqsQueueDetails$, () => AwsWafWebAclDetails$, () => AwsRdsDbSnapshotDetails$, () => AwsRdsDbClusterSnapshotDetails$, () => AwsRdsDbClusterDetails$, () => AwsEcsClusterDetails$, () => AwsEcsContainerDetails$, () => AwsEcsTaskDefinitionDetails$, () => ContainerDetails$, 128 | 0, () => AwsRdsEventSubscriptionDetails$, () => AwsEcsServiceDetails$, () => AwsAutoScalingLaunchConfigurationDetails$, () => AwsEc2VpnConnectionDetails$, () => AwsEcrContainerImageDetails$, () => AwsOpenSearchServiceDomainDetails$, () => AwsEc2VpcEndpointServiceDetails$, () => AwsXrayEncryptionConfigDetails$, () => AwsWafRateBasedRuleDetails$, () => AwsWafRegionalRateBasedRuleDetails$, () => AwsEcrRepositoryDetails$, () => AwsEksClusterDetails$, () => AwsNetworkFirewallFirewallPolicyDetails$, () => AwsNetworkFirewallFirewallDetails$, () => AwsNetworkFirewallRuleGroupDetails$, () => AwsRdsDbSecurityGroupDetails$, () => AwsKinesisStreamDetails$, () => AwsEc2TransitGatewayDetails$, () => AwsEfsAccessPointDetails$, () => AwsCloudFormationStackDetails$, () => AwsCloudWatchAlarmDetails$, () => AwsEc2VpcPeeringConnectionDetails$, () => AwsWafRegionalRuleGroupDetails$, () => AwsWafRegionalRuleDetails$, () => AwsWafRegionalWebAclDetails$, () => AwsWafRuleDetails$, () => AwsWafRuleGroupDetails$, () => AwsEcsTaskDetails$, () => AwsBackupBackupVaultDetails$, () => AwsBackupBackupPlanDetails$, () => AwsBackupRecoveryPointDetails$, () => AwsEc2LaunchTemplateDetails$, () => AwsSageMakerNotebookInstanceDetails$, () => AwsWafv2WebAclDetails$, () => AwsWafv2RuleGroupDetails$, () => AwsEc2RouteTableDetails$, () => AwsAmazonMqBrokerDetails$, () => AwsAppSyncGraphQlApiDetails$, () => AwsEventSchemasRegistryDetails$, () => AwsGuardDutyDetectorDetails$, () => AwsStepFunctionStateMachineDetails$, () => AwsAthenaWorkGroupDetails$, () => AwsEventsEventbusDetails$, () => AwsDmsEndpointDetails$, () => AwsEventsEndpointDetails$, () => AwsDmsReplicationTaskDetails$, () => AwsDmsReplicationInstanceDetails$, () => AwsRoute53HostedZoneDetails$, () => AwsMskClusterDetails$, () => AwsS3AccessPointDetails$, () => AwsEc2ClientVpnEndpointDetails$, () => CodeRepositoryDetails$, 15]
];
var ResourceFindingsSummary$ = [3, n0, _RFS,
    0,
    [_FTi, _PNr, _TF, _Sev],
    [0, 0, 1, () => ResourceSeverityBreakdown$], 3
];
var ResourceGroupByRule$ = [3, n0, _RGBR,
    0,
    [_GBF, _Filt],
    [0, () => ResourcesFilters$], 1
];
var ResourceInfo$ = [3, n0, _RIeso,
    0,
    [_AID],
    [() => AIDetails$]
];
var ResourceOwner$ = [3, n0, _ROes,
    0,
    [_Acc, _Org],
    [() => ResourceOwnerAccount$, () => ResourceOwnerOrg$]
];
var ResourceOwnerAccount$ = [3, n0, _ROA,
    0,
    [_I],
    [0]
];
var ResourceOwnerOrg$ = [3, n0, _ROO,
    0,
    [_I],
    [0]
];
var ResourceResult$ = [3, n0, _RResou,
    0,
    [_RI, _AIc, _Reg, _RT, _RDCTD, _RCeso, _RGe, _ANcc, _RPe, _ROAI, _ROOI, _RCP, _RR, _RCesou, _RNes, _RCTD, _FSin, _RTe, _RSC, _DTi, _RIeso],
    [0, 0, 0, 0, 0, 15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, () => ResourceFindingsSummaryList, () => ResourceTagList, 0, 0, () => ResourceInfo$], 6
];
var ResourcesCompositeFilter$ = [3, n0, _RCF,
    0,
    [_SF, _DF, _NF, _MF, _NCF, _Oper],
    [() => ResourcesStringFilterList, () => ResourcesDateFilterList, () => ResourcesNumberFilterList, () => ResourcesMapFilterList, () => ResourcesCompositeFilterList, 0]
];
var ResourceScopes$ = [3, n0, _RSeso,
    0,
    [_AOw],
    [() => AwsOrganizationScopeList]
];
var ResourcesCount$ = [3, n0, _RCesour,
    0,
    [_ARl],
    [1], 1
];
var ResourcesDateFilter$ = [3, n0, _RDF,
    0,
    [_FNie, _Fil],
    [0, () => DateFilter$]
];
var ResourceSeverityBreakdown$ = [3, n0, _RSB,
    0,
    [_Ot, _Fat, _Crit, _Hi, _Med, _Low, _Inf, _Unk],
    [1, 1, 1, 1, 1, 1, 1, 1]
];
var ResourcesFilters$ = [3, n0, _RFes,
    0,
    [_CFo, _COo],
    [() => ResourcesCompositeFilterList, 0]
];
var ResourcesMapFilter$ = [3, n0, _RMF,
    0,
    [_FNie, _Fil],
    [0, () => MapFilter$]
];
var ResourcesNumberFilter$ = [3, n0, _RNF,
    0,
    [_FNie, _Fil],
    [0, () => NumberFilter$]
];
var ResourcesStringFilter$ = [3, n0, _RSF,
    0,
    [_FNie, _Fil],
    [0, () => StringFilter$]
];
var ResourcesTrendsCompositeFilter$ = [3, n0, _RTCF,
    0,
    [_SF, _NCF, _Oper],
    [() => ResourcesTrendsStringFilterList, () => ResourcesTrendsCompositeFilterList, 0]
];
var ResourcesTrendsFilters$ = [3, n0, _RTF,
    0,
    [_CFo, _COo],
    [() => ResourcesTrendsCompositeFilterList, 0]
];
var ResourcesTrendsMetricsResult$ = [3, n0, _RTMR,
    0,
    [_Times, _TV],
    [5, () => ResourcesTrendsValues$], 2
];
var ResourcesTrendsStringFilter$ = [3, n0, _RTSF,
    0,
    [_FNie, _Fil],
    [0, () => StringFilter$]
];
var ResourcesTrendsValues$ = [3, n0, _RTV,
    0,
    [_RCesour],
    [() => ResourcesCount$], 1
];
var ResourceTag$ = [3, n0, _RTeso,
    0,
    [_K, _Val],
    [0, 0], 2
];
var Result$ = [3, n0, _Resu,
    0,
    [_AIc, _PRr],
    [0, 0]
];
var RouteSetDetails$ = [3, n0, _RSDo,
    0,
    [_CGIa, _CNA, _DCBe, _DICB, _DPLI, _EOIGI, _GI, _IIn, _IOI, _LGI, _NGI, _NII, _Ori, _Sta, _TGI, _VPCI],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
];
var RuleGroupDetails$ = [3, n0, _RGD,
    0,
    [_RVu, _RSu],
    [() => RuleGroupVariables$, () => RuleGroupSource$]
];
var RuleGroupSource$ = [3, n0, _RGS,
    0,
    [_RSL, _RSul, _SRtat, _SRACA],
    [() => RuleGroupSourceListDetails$, 0, () => RuleGroupSourceStatefulRulesList, () => RuleGroupSourceStatelessRulesAndCustomActionsDetails$]
];
var RuleGroupSourceCustomActionsDetails$ = [3, n0, _RGSCAD,
    0,
    [_ADct, _ANct],
    [() => StatelessCustomActionDefinition$, 0]
];
var RuleGroupSourceListDetails$ = [3, n0, _RGSLD,
    0,
    [_GRT, _TTa, _Tar],
    [0, 64 | 0, 64 | 0]
];
var RuleGroupSourceStatefulRulesDetails$ = [3, n0, _RGSSRD,
    0,
    [_A, _Hea, _ROu],
    [0, () => RuleGroupSourceStatefulRulesHeaderDetails$, () => RuleGroupSourceStatefulRulesOptionsList]
];
var RuleGroupSourceStatefulRulesHeaderDetails$ = [3, n0, _RGSSRHD,
    0,
    [_Des, _DPes, _Dir, _Prot, _So, _SPou],
    [0, 0, 0, 0, 0, 0]
];
var RuleGroupSourceStatefulRulesOptionsDetails$ = [3, n0, _RGSSROD,
    0,
    [_Ke, _Set],
    [0, 64 | 0]
];
var RuleGroupSourceStatelessRuleDefinition$ = [3, n0, _RGSSRDu,
    0,
    [_Act, _MAat],
    [64 | 0, () => RuleGroupSourceStatelessRuleMatchAttributes$]
];
var RuleGroupSourceStatelessRuleMatchAttributes$ = [3, n0, _RGSSRMA,
    0,
    [_DPest, _Dest, _Proto, _SPour, _Sou, _TFc],
    [() => RuleGroupSourceStatelessRuleMatchAttributesDestinationPortsList, () => RuleGroupSourceStatelessRuleMatchAttributesDestinationsList, 64 | 1, () => RuleGroupSourceStatelessRuleMatchAttributesSourcePortsList, () => RuleGroupSourceStatelessRuleMatchAttributesSourcesList, () => RuleGroupSourceStatelessRuleMatchAttributesTcpFlagsList]
];
var RuleGroupSourceStatelessRuleMatchAttributesDestinationPorts$ = [3, n0, _RGSSRMADP,
    0,
    [_FP, _TPo],
    [1, 1]
];
var RuleGroupSourceStatelessRuleMatchAttributesDestinations$ = [3, n0, _RGSSRMAD,
    0,
    [_ADd],
    [0]
];
var RuleGroupSourceStatelessRuleMatchAttributesSourcePorts$ = [3, n0, _RGSSRMASP,
    0,
    [_FP, _TPo],
    [1, 1]
];
var RuleGroupSourceStatelessRuleMatchAttributesSources$ = [3, n0, _RGSSRMAS,
    0,
    [_ADd],
    [0]
];
var RuleGroupSourceStatelessRuleMatchAttributesTcpFlags$ = [3, n0, _RGSSRMATF,
    0,
    [_Fl, _Mask],
    [64 | 0, 64 | 0]
];
var RuleGroupSourceStatelessRulesAndCustomActionsDetails$ = [3, n0, _RGSSRACAD,
    0,
    [_CAu, _SRtate],
    [() => RuleGroupSourceCustomActionsList, () => RuleGroupSourceStatelessRulesList]
];
var RuleGroupSourceStatelessRulesDetails$ = [3, n0, _RGSSRDul,
    0,
    [_Prio, _RDu],
    [1, () => RuleGroupSourceStatelessRuleDefinition$]
];
var RuleGroupVariables$ = [3, n0, _RGV,
    0,
    [_ISp, _PSo],
    [() => RuleGroupVariablesIpSetsDetails$, () => RuleGroupVariablesPortSetsDetails$]
];
var RuleGroupVariablesIpSetsDetails$ = [3, n0, _RGVISD,
    0,
    [_Def],
    [64 | 0]
];
var RuleGroupVariablesPortSetsDetails$ = [3, n0, _RGVPSD,
    0,
    [_Def],
    [64 | 0]
];
var SecurityControl$ = [3, n0, _SCecu,
    0,
    [_SCIec, _SCAe, _Ti, _D, _RU, _SRev, _SCS, _US, _Para, _LUR, _Prov],
    [0, 0, 0, 0, 0, 0, 0, 0, () => _Parameters, 0, 0], 7
];
var SecurityControlCustomParameter$ = [3, n0, _SCCP,
    0,
    [_SCIec, _Para],
    [0, () => _Parameters]
];
var SecurityControlDefinition$ = [3, n0, _SCD,
    0,
    [_SCIec, _Ti, _D, _RU, _SRev, _CRA, _CPu, _PDar, _Prov],
    [0, 0, 0, 0, 0, 0, 64 | 0, () => ParameterDefinitions, 0], 6
];
var SecurityControlParameter$ = [3, n0, _SCPec,
    0,
    [_N, _Val],
    [0, 64 | 0]
];
var SecurityControlsConfiguration$ = [3, n0, _SCC,
    0,
    [_ESCI, _DSCI, _SCCPe],
    [64 | 0, 64 | 0, () => SecurityControlCustomParametersList]
];
var SecurityHubPolicy$ = [3, n0, _SHP,
    0,
    [_SEe, _ESI, _SCC],
    [2, 64 | 0, () => SecurityControlsConfiguration$]
];
var SensitiveDataDetections$ = [3, n0, _SDD,
    0,
    [_Cou, _T, _Oc],
    [1, 0, () => Occurrences$]
];
var SensitiveDataResult$ = [3, n0, _SDR,
    0,
    [_Cat, _Dete, _TCo],
    [0, () => SensitiveDataDetectionsList, 1]
];
var Sequence$ = [3, n0, _Seq,
    0,
    [_Ui, _Acto, _Endp, _Sig, _SIeq],
    [0, () => ActorsList, () => NetworkEndpointsList, () => SignalsList, () => IndicatorsList]
];
var ServiceNowDetail$ = [3, n0, _SND,
    0,
    [_SAec, _ASut, _INn],
    [0, 0, 0], 2
];
var ServiceNowProviderConfiguration$ = [3, n0, _SNPC,
    0,
    [_INn, _SAec],
    [0, 0], 2
];
var ServiceNowUpdateConfiguration$ = [3, n0, _SNUC,
    0,
    [_SAec],
    [0]
];
var Severity$ = [3, n0, _Se,
    0,
    [_Produ, _Lab, _Norm, _Orig],
    [1, 0, 1, 0]
];
var SeverityTrendsCount$ = [3, n0, _STC,
    0,
    [_Unk, _Inf, _Low, _Med, _Hi, _Crit, _Fat, _Ot],
    [1, 1, 1, 1, 1, 1, 1, 1], 8
];
var SeverityUpdate$ = [3, n0, _SUe,
    0,
    [_Norm, _Produ, _Lab],
    [1, 1, 0]
];
var Signal$ = [3, n0, _Sign,
    0,
    [_T, _I, _Ti, _PA, _RIesou, _SIi, _N, _CA, _UA, _FSA, _LSAa, _Se, _Cou, _AIct, _EIndp],
    [0, 0, 0, 0, 64 | 0, () => IndicatorsList, 0, 1, 1, 1, 1, 1, 1, 64 | 0, 64 | 0]
];
var SoftwarePackage$ = [3, n0, _SPof,
    0,
    [_N, _V, _Ep, _Rel, _Arc, _PMa, _FPil, _FIV, _Rem, _SLH, _SLA],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
];
var SortCriterion$ = [3, n0, _SCort,
    0,
    [_Fi, _SOo],
    [0, 0]
];
var Standard$ = [3, n0, _Stand,
    0,
    [_SAta, _N, _D, _EBD, _Prov, _SMB],
    [0, 0, 0, 2, 0, () => StandardsManagedBy$]
];
var StandardsControl$ = [3, n0, _SCtan,
    0,
    [_SCAta, _CSont, _DRi, _CSUA, _CIon, _Ti, _D, _RU, _SRev, _RRel],
    [0, 0, 0, 5, 0, 0, 0, 0, 0, 64 | 0]
];
var StandardsControlAssociationDetail$ = [3, n0, _SCADt,
    0,
    [_SAta, _SCIec, _SCAe, _ASss, _RRel, _UA, _UR, _SCTt, _SCDt, _SCAtan],
    [0, 0, 0, 0, 64 | 0, 5, 0, 0, 0, 64 | 0], 4
];
var StandardsControlAssociationId$ = [3, n0, _SCAIt,
    0,
    [_SCIec, _SAta],
    [0, 0], 2
];
var StandardsControlAssociationSummary$ = [3, n0, _SCASt,
    0,
    [_SAta, _SCIec, _SCAe, _ASss, _RRel, _UA, _UR, _SCTt, _SCDt],
    [0, 0, 0, 0, 64 | 0, 5, 0, 0, 0], 4
];
var StandardsControlAssociationUpdate$ = [3, n0, _SCAUt,
    0,
    [_SAta, _SCIec, _ASss, _UR],
    [0, 0, 0, 0], 3
];
var StandardsManagedBy$ = [3, n0, _SMB,
    0,
    [_Compan, _Produ],
    [0, 0]
];
var StandardsStatusReason$ = [3, n0, _SSRta,
    0,
    [_SRC],
    [0], 1
];
var StandardsSubscription$ = [3, n0, _SStan,
    0,
    [_SSAt, _SAta, _SItan, _SStand, _SCU, _SSRta, _Prov],
    [0, 0, 128 | 0, 0, 0, () => StandardsStatusReason$, 0], 4
];
var StandardsSubscriptionRequest$ = [3, n0, _SSRtan,
    0,
    [_SAta, _SItan],
    [0, 128 | 0], 1
];
var StartConfigurationPolicyAssociationRequest$ = [3, n0, _SCPAR,
    0,
    [_CPIo, _Ta],
    [0, () => Target$], 2
];
var StartConfigurationPolicyAssociationResponse$ = [3, n0, _SCPARt,
    0,
    [_CPI, _TIa, _TT, _ATs, _UA, _ASss, _ASM],
    [0, 0, 0, 0, 5, 0, 0]
];
var StartConfigurationPolicyDisassociationRequest$ = [3, n0, _SCPDR,
    0,
    [_CPIo, _Ta],
    [0, () => Target$], 1
];
var StartConfigurationPolicyDisassociationResponse$ = [3, n0, _SCPDRt,
    0,
    [],
    []
];
var StatelessCustomActionDefinition$ = [3, n0, _SCADta,
    0,
    [_PMA],
    [() => StatelessCustomPublishMetricAction$]
];
var StatelessCustomPublishMetricAction$ = [3, n0, _SCPMA,
    0,
    [_Di],
    [() => StatelessCustomPublishMetricActionDimensionsList]
];
var StatelessCustomPublishMetricActionDimension$ = [3, n0, _SCPMAD,
    0,
    [_Val],
    [0]
];
var StatusReason$ = [3, n0, _SRtatu,
    0,
    [_RCea, _D],
    [0, 0], 1
];
var StringConfigurationOptions$ = [3, n0, _SCO,
    0,
    [_DVe, _REex, _EDxp],
    [0, 0, 0]
];
var StringFilter$ = [3, n0, _SFt,
    0,
    [_Val, _Compa],
    [0, 0]
];
var StringListConfigurationOptions$ = [3, n0, _SLCO,
    0,
    [_DVe, _REex, _MIa, _EDxp],
    [64 | 0, 0, 1, 0]
];
var TagResourceRequest$ = [3, n0, _TRR,
    0,
    [_RAe, _Tags],
    [[0, 1], 128 | 0], 2
];
var TagResourceResponse$ = [3, n0, _TRRa,
    0,
    [],
    []
];
var Threat$ = [3, n0, _Threa,
    0,
    [_N, _Se, _ICt, _FPile],
    [0, 0, 1, () => FilePathList]
];
var ThreatIntelIndicator$ = [3, n0, _TIIh,
    0,
    [_T, _Val, _Cat, _LOA, _So, _SU],
    [0, 0, 0, 0, 0, 0]
];
var TrendsMetricsResult$ = [3, n0, _TMR,
    0,
    [_Times, _TV],
    [5, () => TrendsValues$], 2
];
var TrendsValues$ = [3, n0, _TV,
    0,
    [_STev],
    [() => SeverityTrendsCount$], 1
];
var UnprocessedAutomationRule$ = [3, n0, _UARn,
    0,
    [_RA, _ECr, _EMr],
    [0, 1, 0]
];
var UnprocessedConfigurationPolicyAssociation$ = [3, n0, _UCPAn,
    0,
    [_CPAI, _ECr, _ERr],
    [() => ConfigurationPolicyAssociation$, 0, 0]
];
var UnprocessedSecurityControl$ = [3, n0, _USCn,
    0,
    [_SCIec, _ECr, _ERr],
    [0, 0, 0], 2
];
var UnprocessedStandardsControlAssociation$ = [3, n0, _USCA,
    0,
    [_SCAIt, _ECr, _ERr],
    [() => StandardsControlAssociationId$, 0, 0], 2
];
var UnprocessedStandardsControlAssociationUpdate$ = [3, n0, _USCAU,
    0,
    [_SCAUt, _ECr, _ERr],
    [() => StandardsControlAssociationUpdate$, 0, 0], 2
];
var UntagResourceRequest$ = [3, n0, _URR,
    0,
    [_RAe, _TK],
    [[0, 1], [64 | 0, { [_hQ]: _tK }]], 2
];
var UntagResourceResponse$ = [3, n0, _URRn,
    0,
    [],
    []
];
var UnusedPermissionsRecommendationStep$ = [3, n0, _UPRS,
    0,
    [_RAec, _EPx, _EPI, _PUA, _RPec],
    [0, 0, 0, 5, 0]
];
var UpdateActionTargetRequest$ = [3, n0, _UATR,
    0,
    [_ATA, _N, _D],
    [[0, 1], 0, 0], 1
];
var UpdateActionTargetResponse$ = [3, n0, _UATRp,
    0,
    [],
    []
];
var UpdateAggregatorV2Request$ = [3, n0, _UAVR,
    0,
    [_AVA, _RLM, _LR],
    [[0, 1], 0, 64 | 0], 2
];
var UpdateAggregatorV2Response$ = [3, n0, _UAVRp,
    0,
    [_AVA, _ARg, _RLM, _LR],
    [0, 0, 0, 64 | 0]
];
var UpdateAutomationRulesRequestItem$ = [3, n0, _UARRIp,
    0,
    [_RA, _RS, _RO, _D, _RN, _IT, _Cr, _Act],
    [0, 0, 1, 0, 0, 2, () => AutomationRulesFindingFilters$, () => ActionList], 1
];
var UpdateAutomationRuleV2Request$ = [3, n0, _UARVR,
    0,
    [_Id, _RS, _RO, _D, _RN, _Cr, _Act],
    [[0, 1], 0, 1, 0, 0, () => Criteria$, () => AutomationRulesActionListV2], 1
];
var UpdateAutomationRuleV2Response$ = [3, n0, _UARVRp,
    0,
    [],
    []
];
var UpdateConfigurationPolicyRequest$ = [3, n0, _UCPR,
    0,
    [_Id, _N, _D, _UR, _CPonf],
    [[0, 1], 0, 0, 0, () => Policy$], 1
];
var UpdateConfigurationPolicyResponse$ = [3, n0, _UCPRp,
    0,
    [_Ar, _I, _N, _D, _UA, _CA, _CPonf],
    [0, 0, 0, 0, 5, 5, () => Policy$]
];
var UpdateConnectorRequest$ = [3, n0, _UCR,
    0,
    [_CIo, _D, _Prov],
    [[0, 1], 0, () => CspmProviderUpdateConfiguration$], 1
];
var UpdateConnectorResponse$ = [3, n0, _UCRp,
    0,
    [_CSonn, _ESn],
    [0, 0]
];
var UpdateConnectorV2Request$ = [3, n0, _UCVR,
    0,
    [_CIo, _D, _Prov],
    [[0, 1], 0, () => ProviderUpdateConfiguration$], 1
];
var UpdateConnectorV2Response$ = [3, n0, _UCVRp,
    0,
    [_CSonn, _ESn],
    [0, 0]
];
var UpdateFindingAggregatorRequest$ = [3, n0, _UFAR,
    0,
    [_FAA, _RLM, _Regi],
    [0, 0, 64 | 0], 2
];
var UpdateFindingAggregatorResponse$ = [3, n0, _UFARp,
    0,
    [_FAA, _FAR, _RLM, _Regi],
    [0, 0, 0, 64 | 0]
];
var UpdateFindingsRequest$ = [3, n0, _UFR,
    0,
    [_Filt, _No, _RSe],
    [() => AwsSecurityFindingFilters$, () => NoteUpdate$, 0], 1
];
var UpdateFindingsResponse$ = [3, n0, _UFRp,
    0,
    [],
    []
];
var UpdateInsightRequest$ = [3, n0, _UIR,
    0,
    [_IAns, _N, _Filt, _GBA],
    [[0, 1], 0, () => AwsSecurityFindingFilters$, 0], 1
];
var UpdateInsightResponse$ = [3, n0, _UIRp,
    0,
    [],
    []
];
var UpdateOrganizationConfigurationRequest$ = [3, n0, _UOCR,
    0,
    [_AEu, _AES, _OC],
    [2, 0, () => OrganizationConfiguration$], 1
];
var UpdateOrganizationConfigurationResponse$ = [3, n0, _UOCRp,
    0,
    [],
    []
];
var UpdateSecurityControlRequest$ = [3, n0, _USCR,
    0,
    [_SCIec, _Para, _LUR],
    [0, () => _Parameters, 0], 2
];
var UpdateSecurityControlResponse$ = [3, n0, _USCRp,
    0,
    [],
    []
];
var UpdateSecurityHubConfigurationRequest$ = [3, n0, _USHCR,
    0,
    [_AEC, _CFG],
    [2, 0]
];
var UpdateSecurityHubConfigurationResponse$ = [3, n0, _USHCRp,
    0,
    [],
    []
];
var UpdateStandardsControlRequest$ = [3, n0, _USCRpd,
    0,
    [_SCAta, _CSont, _DRi],
    [[0, 1], 0, 0], 1
];
var UpdateStandardsControlResponse$ = [3, n0, _USCRpda,
    0,
    [],
    []
];
var UserAccount$ = [3, n0, _UAs,
    0,
    [_Ui, _N],
    [0, 0]
];
var VolumeMount$ = [3, n0, _VMol,
    0,
    [_N, _MPou],
    [0, 0]
];
var VpcInfoCidrBlockSetDetails$ = [3, n0, _VICBSD,
    0,
    [_CBi],
    [0]
];
var VpcInfoIpv6CidrBlockSetDetails$ = [3, n0, _VIICBSD,
    0,
    [_ICB],
    [0]
];
var VpcInfoPeeringOptionsDetails$ = [3, n0, _VIPOD,
    0,
    [_ADRFRV, _AEFLCLTRV, _AEFLVTRCL],
    [2, 2, 2]
];
var Vulnerability$ = [3, n0, _Vul,
    0,
    [_I, _VPu, _Cv, _RVe, _Ve, _RUe, _FAix, _ESp, _EAxp, _LKEA, _CVo],
    [0, () => SoftwarePackageList, () => CvssList, 64 | 0, () => VulnerabilityVendor$, 64 | 0, 0, 1, 0, 0, () => VulnerabilityCodeVulnerabilitiesList], 1
];
var VulnerabilityCodeVulnerabilities$ = [3, n0, _VCV,
    0,
    [_Cw, _FPil, _SAo],
    [64 | 0, () => CodeVulnerabilitiesFilePath$, 0]
];
var VulnerabilityVendor$ = [3, n0, _VV,
    0,
    [_N, _Ur, _VSe, _VCA, _VUA],
    [0, 0, 0, 0, 0], 1
];
var WafAction$ = [3, n0, _WA,
    0,
    [_T],
    [0]
];
var WafExcludedRule$ = [3, n0, _WER,
    0,
    [_RIu],
    [0]
];
var WafOverrideAction$ = [3, n0, _WOA,
    0,
    [_T],
    [0]
];
var Workflow$ = [3, n0, _W,
    0,
    [_St],
    [0]
];
var WorkflowUpdate$ = [3, n0, _WU,
    0,
    [_St],
    [0]
];
var AccountDetailsList = [1, n0, _ADL,
    0, () => AccountDetails$
];
var AccountFreeTrialStatusList = [1, n0, _AFTSL,
    0, () => AccountFreeTrialStatus$
];
var ActionList = [1, n0, _ALct,
    0, () => AutomationRulesAction$
];
var ActionTargetList = [1, n0, _ATLc,
    0, () => ActionTarget$
];
var ActorsList = [1, n0, _ALcto,
    0, () => Actor$
];
var AdjustmentList = [1, n0, _ALd,
    0, () => Adjustment$
];
var AdminAccounts = [1, n0, _AAdm,
    0, () => AdminAccount$
];
var AggregatorV2List = [1, n0, _AVL,
    0, () => AggregatorV2$
];
var AssociatedStandardsList = [1, n0, _ASL,
    0, () => AssociatedStandard$
];
var AssociationSetList = [1, n0, _ASLs,
    0, () => AssociationSetDetails$
];
var AutomationRulesActionListV2 = [1, n0, _ARALV,
    0, () => AutomationRulesActionV2$
];
var AutomationRulesActionTypeListV2 = [1, n0, _ARATLV,
    0, () => AutomationRulesActionTypeObjectV2$
];
var AutomationRulesConfigList = [1, n0, _ARCL,
    0, () => AutomationRulesConfig$
];
var AutomationRulesMetadataList = [1, n0, _ARML,
    0, () => AutomationRulesMetadata$
];
var AutomationRulesMetadataListV2 = [1, n0, _ARMLV,
    0, () => AutomationRulesMetadataV2$
];
var AvailabilityZones = [1, n0, _AZv,
    0, () => AvailabilityZone$
];
var AwsAmazonMqBrokerUsersList = [1, n0, _AAMBUL,
    0, () => AwsAmazonMqBrokerUsersDetails$
];
var AwsApiGatewayMethodSettingsList = [1, n0, _AAGMSL,
    0, () => AwsApiGatewayMethodSettings$
];
var AwsAppSyncGraphQlApiAdditionalAuthenticationProvidersList = [1, n0, _AASGQAAAPL,
    0, () => AwsAppSyncGraphQlApiAdditionalAuthenticationProvidersDetails$
];
var AwsAutoScalingAutoScalingGroupAvailabilityZonesList = [1, n0, _AASASGAZL,
    0, () => AwsAutoScalingAutoScalingGroupAvailabilityZonesListDetails$
];
var AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateOverridesList = [1, n0, _AASASGMIPLTOL,
    0, () => AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateOverridesListDetails$
];
var AwsAutoScalingLaunchConfigurationBlockDeviceMappingsList = [1, n0, _AASLCBDML,
    0, () => AwsAutoScalingLaunchConfigurationBlockDeviceMappingsDetails$
];
var AwsBackupBackupPlanAdvancedBackupSettingsList = [1, n0, _ABBPABSL,
    0, () => AwsBackupBackupPlanAdvancedBackupSettingsDetails$
];
var AwsBackupBackupPlanRuleCopyActionsList = [1, n0, _ABBPRCAL,
    0, () => AwsBackupBackupPlanRuleCopyActionsDetails$
];
var AwsBackupBackupPlanRuleList = [1, n0, _ABBPRL,
    0, () => AwsBackupBackupPlanRuleDetails$
];
var AwsCertificateManagerCertificateDomainValidationOptions = [1, n0, _ACMCDVOw,
    0, () => AwsCertificateManagerCertificateDomainValidationOption$
];
var AwsCertificateManagerCertificateExtendedKeyUsages = [1, n0, _ACMCEKUw,
    0, () => AwsCertificateManagerCertificateExtendedKeyUsage$
];
var AwsCertificateManagerCertificateKeyUsages = [1, n0, _ACMCKUw,
    0, () => AwsCertificateManagerCertificateKeyUsage$
];
var AwsCloudFormationStackOutputsList = [1, n0, _ACFSOL,
    0, () => AwsCloudFormationStackOutputsDetails$
];
var AwsCloudFrontDistributionCacheBehaviorsItemList = [1, n0, _ACFDCBIL,
    0, () => AwsCloudFrontDistributionCacheBehavior$
];
var AwsCloudFrontDistributionOriginGroupsItemList = [1, n0, _ACFDOGIL,
    0, () => AwsCloudFrontDistributionOriginGroup$
];
var AwsCloudFrontDistributionOriginItemList = [1, n0, _ACFDOIL,
    0, () => AwsCloudFrontDistributionOriginItem$
];
var AwsCloudWatchAlarmDimensionsList = [1, n0, _ACWADL,
    0, () => AwsCloudWatchAlarmDimensionsDetails$
];
var AwsCodeBuildProjectArtifactsList = [1, n0, _ACBPAL,
    0, () => AwsCodeBuildProjectArtifactsDetails$
];
var AwsCodeBuildProjectEnvironmentEnvironmentVariablesList = [1, n0, _ACBPEEVL,
    0, () => AwsCodeBuildProjectEnvironmentEnvironmentVariablesDetails$
];
var AwsDmsReplicationInstanceVpcSecurityGroupsList = [1, n0, _ADRIVSGL,
    0, () => AwsDmsReplicationInstanceVpcSecurityGroupsDetails$
];
var AwsDynamoDbTableAttributeDefinitionList = [1, n0, _ADDTADL,
    0, () => AwsDynamoDbTableAttributeDefinition$
];
var AwsDynamoDbTableGlobalSecondaryIndexList = [1, n0, _ADDTGSIL,
    0, () => AwsDynamoDbTableGlobalSecondaryIndex$
];
var AwsDynamoDbTableKeySchemaList = [1, n0, _ADDTKSL,
    0, () => AwsDynamoDbTableKeySchema$
];
var AwsDynamoDbTableLocalSecondaryIndexList = [1, n0, _ADDTLSIL,
    0, () => AwsDynamoDbTableLocalSecondaryIndex$
];
var AwsDynamoDbTableReplicaGlobalSecondaryIndexList = [1, n0, _ADDTRGSIL,
    0, () => AwsDynamoDbTableReplicaGlobalSecondaryIndex$
];
var AwsDynamoDbTableReplicaList = [1, n0, _ADDTRL,
    0, () => AwsDynamoDbTableReplica$
];
var AwsEc2ClientVpnEndpointAuthenticationOptionsList = [1, n0, _AECVEAOL,
    0, () => AwsEc2ClientVpnEndpointAuthenticationOptionsDetails$
];
var AwsEc2InstanceNetworkInterfacesList = [1, n0, _AEINIL,
    0, () => AwsEc2InstanceNetworkInterfacesDetails$
];
var AwsEc2LaunchTemplateDataBlockDeviceMappingSetList = [1, n0, _AELTDBDMSL,
    0, () => AwsEc2LaunchTemplateDataBlockDeviceMappingSetDetails$
];
var AwsEc2LaunchTemplateDataElasticGpuSpecificationSetList = [1, n0, _AELTDEGSSL,
    0, () => AwsEc2LaunchTemplateDataElasticGpuSpecificationSetDetails$
];
var AwsEc2LaunchTemplateDataElasticInferenceAcceleratorSetList = [1, n0, _AELTDEIASL,
    0, () => AwsEc2LaunchTemplateDataElasticInferenceAcceleratorSetDetails$
];
var AwsEc2LaunchTemplateDataLicenseSetList = [1, n0, _AELTDLSL,
    0, () => AwsEc2LaunchTemplateDataLicenseSetDetails$
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv4PrefixesList = [1, n0, _AELTDNISIPL,
    0, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv4PrefixesDetails$
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6AddressesList = [1, n0, _AELTDNISIAL,
    0, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6AddressesDetails$
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6PrefixesList = [1, n0, _AELTDNISIPLw,
    0, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6PrefixesDetails$
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetList = [1, n0, _AELTDNISL,
    0, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetDetails$
];
var AwsEc2LaunchTemplateDataNetworkInterfaceSetPrivateIpAddressesList = [1, n0, _AELTDNISPIAL,
    0, () => AwsEc2LaunchTemplateDataNetworkInterfaceSetPrivateIpAddressesDetails$
];
var AwsEc2NetworkAclAssociationList = [1, n0, _AENAAL,
    0, () => AwsEc2NetworkAclAssociation$
];
var AwsEc2NetworkAclEntryList = [1, n0, _AENAEL,
    0, () => AwsEc2NetworkAclEntry$
];
var AwsEc2NetworkInterfaceIpV6AddressList = [1, n0, _AENIIVAL,
    0, () => AwsEc2NetworkInterfaceIpV6AddressDetail$
];
var AwsEc2NetworkInterfacePrivateIpAddressList = [1, n0, _AENIPIAL,
    0, () => AwsEc2NetworkInterfacePrivateIpAddressDetail$
];
var AwsEc2NetworkInterfaceSecurityGroupList = [1, n0, _AENISGL,
    0, () => AwsEc2NetworkInterfaceSecurityGroup$
];
var AwsEc2SecurityGroupIpPermissionList = [1, n0, _AESGIPL,
    0, () => AwsEc2SecurityGroupIpPermission$
];
var AwsEc2SecurityGroupIpRangeList = [1, n0, _AESGIRL,
    0, () => AwsEc2SecurityGroupIpRange$
];
var AwsEc2SecurityGroupIpv6RangeList = [1, n0, _AESGIRLw,
    0, () => AwsEc2SecurityGroupIpv6Range$
];
var AwsEc2SecurityGroupPrefixListIdList = [1, n0, _AESGPLIL,
    0, () => AwsEc2SecurityGroupPrefixListId$
];
var AwsEc2SecurityGroupUserIdGroupPairList = [1, n0, _AESGUIGPL,
    0, () => AwsEc2SecurityGroupUserIdGroupPair$
];
var AwsEc2VolumeAttachmentList = [1, n0, _AEVAL,
    0, () => AwsEc2VolumeAttachment$
];
var AwsEc2VpcEndpointServiceServiceTypeList = [1, n0, _AEVESSTL,
    0, () => AwsEc2VpcEndpointServiceServiceTypeDetails$
];
var AwsEc2VpnConnectionOptionsTunnelOptionsList = [1, n0, _AEVCOTOL,
    0, () => AwsEc2VpnConnectionOptionsTunnelOptionsDetails$
];
var AwsEc2VpnConnectionRoutesList = [1, n0, _AEVCRL,
    0, () => AwsEc2VpnConnectionRoutesDetails$
];
var AwsEc2VpnConnectionVgwTelemetryList = [1, n0, _AEVCVTL,
    0, () => AwsEc2VpnConnectionVgwTelemetryDetails$
];
var AwsEcsClusterClusterSettingsList = [1, n0, _AECCSL,
    0, () => AwsEcsClusterClusterSettingsDetails$
];
var AwsEcsClusterDefaultCapacityProviderStrategyList = [1, n0, _AECDCPSL,
    0, () => AwsEcsClusterDefaultCapacityProviderStrategyDetails$
];
var AwsEcsContainerDetailsList = [1, n0, _AECDL,
    0, () => AwsEcsContainerDetails$
];
var AwsEcsServiceCapacityProviderStrategyList = [1, n0, _AESCPSL,
    0, () => AwsEcsServiceCapacityProviderStrategyDetails$
];
var AwsEcsServiceLoadBalancersList = [1, n0, _AESLBL,
    0, () => AwsEcsServiceLoadBalancersDetails$
];
var AwsEcsServicePlacementConstraintsList = [1, n0, _AESPCL,
    0, () => AwsEcsServicePlacementConstraintsDetails$
];
var AwsEcsServicePlacementStrategiesList = [1, n0, _AESPSL,
    0, () => AwsEcsServicePlacementStrategiesDetails$
];
var AwsEcsServiceServiceRegistriesList = [1, n0, _AESSRL,
    0, () => AwsEcsServiceServiceRegistriesDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsDependsOnList = [1, n0, _AETDCDDOL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsDependsOnDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsEnvironmentFilesList = [1, n0, _AETDCDEFL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsEnvironmentFilesDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsEnvironmentList = [1, n0, _AETDCDEL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsEnvironmentDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsExtraHostsList = [1, n0, _AETDCDEHL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsExtraHostsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDevicesList = [1, n0, _AETDCDLPDL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDevicesDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersTmpfsList = [1, n0, _AETDCDLPTL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersTmpfsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsList = [1, n0, _AETDCDL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationSecretOptionsList = [1, n0, _AETDCDLCSOL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationSecretOptionsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsMountPointsList = [1, n0, _AETDCDMPL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsMountPointsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsPortMappingsList = [1, n0, _AETDCDPML,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsPortMappingsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsResourceRequirementsList = [1, n0, _AETDCDRRL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsResourceRequirementsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsSecretsList = [1, n0, _AETDCDSL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsSecretsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsSystemControlsList = [1, n0, _AETDCDSCL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsSystemControlsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsUlimitsList = [1, n0, _AETDCDUL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsUlimitsDetails$
];
var AwsEcsTaskDefinitionContainerDefinitionsVolumesFromList = [1, n0, _AETDCDVFL,
    0, () => AwsEcsTaskDefinitionContainerDefinitionsVolumesFromDetails$
];
var AwsEcsTaskDefinitionInferenceAcceleratorsList = [1, n0, _AETDIAL,
    0, () => AwsEcsTaskDefinitionInferenceAcceleratorsDetails$
];
var AwsEcsTaskDefinitionPlacementConstraintsList = [1, n0, _AETDPCL,
    0, () => AwsEcsTaskDefinitionPlacementConstraintsDetails$
];
var AwsEcsTaskDefinitionProxyConfigurationProxyConfigurationPropertiesList = [1, n0, _AETDPCPCPL,
    0, () => AwsEcsTaskDefinitionProxyConfigurationProxyConfigurationPropertiesDetails$
];
var AwsEcsTaskDefinitionVolumesList = [1, n0, _AETDVL,
    0, () => AwsEcsTaskDefinitionVolumesDetails$
];
var AwsEcsTaskVolumeDetailsList = [1, n0, _AETVDL,
    0, () => AwsEcsTaskVolumeDetails$
];
var AwsEksClusterLoggingClusterLoggingList = [1, n0, _AECLCLL,
    0, () => AwsEksClusterLoggingClusterLoggingDetails$
];
var AwsElasticBeanstalkEnvironmentEnvironmentLinks = [1, n0, _AEBEELw,
    0, () => AwsElasticBeanstalkEnvironmentEnvironmentLink$
];
var AwsElasticBeanstalkEnvironmentOptionSettings = [1, n0, _AEBEOSw,
    0, () => AwsElasticBeanstalkEnvironmentOptionSetting$
];
var AwsElbAppCookieStickinessPolicies = [1, n0, _AEACSPw,
    0, () => AwsElbAppCookieStickinessPolicy$
];
var AwsElbLbCookieStickinessPolicies = [1, n0, _AELCSPw,
    0, () => AwsElbLbCookieStickinessPolicy$
];
var AwsElbLoadBalancerAdditionalAttributeList = [1, n0, _AELBAAL,
    0, () => AwsElbLoadBalancerAdditionalAttribute$
];
var AwsElbLoadBalancerBackendServerDescriptions = [1, n0, _AELBBSDw,
    0, () => AwsElbLoadBalancerBackendServerDescription$
];
var AwsElbLoadBalancerInstances = [1, n0, _AELBIw,
    0, () => AwsElbLoadBalancerInstance$
];
var AwsElbLoadBalancerListenerDescriptions = [1, n0, _AELBLDw,
    0, () => AwsElbLoadBalancerListenerDescription$
];
var AwsElbv2LoadBalancerAttributes = [1, n0, _AELBAws,
    0, () => AwsElbv2LoadBalancerAttribute$
];
var AwsEventsEndpointEventBusesList = [1, n0, _AEEEBL,
    0, () => AwsEventsEndpointEventBusesDetails$
];
var AwsGuardDutyDetectorFeaturesList = [1, n0, _AGDDFL,
    0, () => AwsGuardDutyDetectorFeaturesDetails$
];
var AwsIamAttachedManagedPolicyList = [1, n0, _AIAMPL,
    0, () => AwsIamAttachedManagedPolicy$
];
var AwsIamGroupPolicyList = [1, n0, _AIGPL,
    0, () => AwsIamGroupPolicy$
];
var AwsIamInstanceProfileList = [1, n0, _AIIPL,
    0, () => AwsIamInstanceProfile$
];
var AwsIamInstanceProfileRoles = [1, n0, _AIIPRw,
    0, () => AwsIamInstanceProfileRole$
];
var AwsIamPolicyVersionList = [1, n0, _AIPVL,
    0, () => AwsIamPolicyVersion$
];
var AwsIamRolePolicyList = [1, n0, _AIRPL,
    0, () => AwsIamRolePolicy$
];
var AwsIamUserPolicyList = [1, n0, _AIUPL,
    0, () => AwsIamUserPolicy$
];
var AwsLambdaFunctionLayerList = [1, n0, _ALFLL,
    0, () => AwsLambdaFunctionLayer$
];
var AwsMountPointList = [1, n0, _AMPL,
    0, () => AwsMountPoint$
];
var AwsNetworkFirewallFirewallSubnetMappingsList = [1, n0, _ANFFSML,
    0, () => AwsNetworkFirewallFirewallSubnetMappingsDetails$
];
var AwsOrganizationScopeList = [1, n0, _AOSL,
    0, () => AwsOrganizationScope$
];
var AwsRdsDbClusterAssociatedRoles = [1, n0, _ARDCARw,
    0, () => AwsRdsDbClusterAssociatedRole$
];
var AwsRdsDbClusterMembers = [1, n0, _ARDCMw,
    0, () => AwsRdsDbClusterMember$
];
var AwsRdsDbClusterOptionGroupMemberships = [1, n0, _ARDCOGMw,
    0, () => AwsRdsDbClusterOptionGroupMembership$
];
var AwsRdsDbClusterSnapshotDbClusterSnapshotAttributes = [1, n0, _ARDCSDCSAw,
    0, () => AwsRdsDbClusterSnapshotDbClusterSnapshotAttribute$
];
var AwsRdsDbDomainMemberships = [1, n0, _ARDDMw,
    0, () => AwsRdsDbDomainMembership$
];
var AwsRdsDbInstanceAssociatedRoles = [1, n0, _ARDIARw,
    0, () => AwsRdsDbInstanceAssociatedRole$
];
var AwsRdsDbInstanceVpcSecurityGroups = [1, n0, _ARDIVSGw,
    0, () => AwsRdsDbInstanceVpcSecurityGroup$
];
var AwsRdsDbOptionGroupMemberships = [1, n0, _ARDOGMw,
    0, () => AwsRdsDbOptionGroupMembership$
];
var AwsRdsDbParameterGroups = [1, n0, _ARDPGw,
    0, () => AwsRdsDbParameterGroup$
];
var AwsRdsDbProcessorFeatures = [1, n0, _ARDPFw,
    0, () => AwsRdsDbProcessorFeature$
];
var AwsRdsDbSecurityGroupEc2SecurityGroups = [1, n0, _ARDSGESGw,
    0, () => AwsRdsDbSecurityGroupEc2SecurityGroup$
];
var AwsRdsDbSecurityGroupIpRanges = [1, n0, _ARDSGIRw,
    0, () => AwsRdsDbSecurityGroupIpRange$
];
var AwsRdsDbStatusInfos = [1, n0, _ARDSIw,
    0, () => AwsRdsDbStatusInfo$
];
var AwsRdsDbSubnetGroupSubnets = [1, n0, _ARDSGSw,
    0, () => AwsRdsDbSubnetGroupSubnet$
];
var AwsRedshiftClusterClusterNodes = [1, n0, _ARCCNw,
    0, () => AwsRedshiftClusterClusterNode$
];
var AwsRedshiftClusterClusterParameterGroups = [1, n0, _ARCCPGw,
    0, () => AwsRedshiftClusterClusterParameterGroup$
];
var AwsRedshiftClusterClusterParameterStatusList = [1, n0, _ARCCPSL,
    0, () => AwsRedshiftClusterClusterParameterStatus$
];
var AwsRedshiftClusterClusterSecurityGroups = [1, n0, _ARCCSGw,
    0, () => AwsRedshiftClusterClusterSecurityGroup$
];
var AwsRedshiftClusterDeferredMaintenanceWindows = [1, n0, _ARCDMWw,
    0, () => AwsRedshiftClusterDeferredMaintenanceWindow$
];
var AwsRedshiftClusterIamRoles = [1, n0, _ARCIRw,
    0, () => AwsRedshiftClusterIamRole$
];
var AwsRedshiftClusterVpcSecurityGroups = [1, n0, _ARCVSGw,
    0, () => AwsRedshiftClusterVpcSecurityGroup$
];
var AwsRoute53HostedZoneVpcsList = [1, n0, _ARHZVL,
    0, () => AwsRoute53HostedZoneVpcDetails$
];
var AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsList = [1, n0, _ASBBLCRFPOL,
    0, () => AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsDetails$
];
var AwsS3BucketBucketLifecycleConfigurationRulesList = [1, n0, _ASBBLCRL,
    0, () => AwsS3BucketBucketLifecycleConfigurationRulesDetails$
];
var AwsS3BucketBucketLifecycleConfigurationRulesNoncurrentVersionTransitionsList = [1, n0, _ASBBLCRNVTL,
    0, () => AwsS3BucketBucketLifecycleConfigurationRulesNoncurrentVersionTransitionsDetails$
];
var AwsS3BucketBucketLifecycleConfigurationRulesTransitionsList = [1, n0, _ASBBLCRTL,
    0, () => AwsS3BucketBucketLifecycleConfigurationRulesTransitionsDetails$
];
var AwsS3BucketNotificationConfigurationDetails = [1, n0, _ASBNCDw,
    0, () => AwsS3BucketNotificationConfigurationDetail$
];
var AwsS3BucketNotificationConfigurationS3KeyFilterRules = [1, n0, _ASBNCSKFRw,
    0, () => AwsS3BucketNotificationConfigurationS3KeyFilterRule$
];
var AwsS3BucketServerSideEncryptionRules = [1, n0, _ASBSSERw,
    0, () => AwsS3BucketServerSideEncryptionRule$
];
var AwsS3BucketWebsiteConfigurationRoutingRules = [1, n0, _ASBWCRRw,
    0, () => AwsS3BucketWebsiteConfigurationRoutingRule$
];
var AwsSecurityFindingIdentifierList = [1, n0, _ASFIL,
    0, () => AwsSecurityFindingIdentifier$
];
var AwsSecurityFindingList = [1, n0, _ASFL,
    0, () => AwsSecurityFinding$
];
var AwsSnsTopicSubscriptionList = [1, n0, _ASTSL,
    0, () => AwsSnsTopicSubscription$
];
var AwsStepFunctionStateMachineLoggingConfigurationDestinationsList = [1, n0, _ASFSMLCDL,
    0, () => AwsStepFunctionStateMachineLoggingConfigurationDestinationsDetails$
];
var AwsWafRateBasedRuleMatchPredicateList = [1, n0, _AWRBRMPL,
    0, () => AwsWafRateBasedRuleMatchPredicate$
];
var AwsWafRegionalRateBasedRuleMatchPredicateList = [1, n0, _AWRRBRMPL,
    0, () => AwsWafRegionalRateBasedRuleMatchPredicate$
];
var AwsWafRegionalRuleGroupRulesList = [1, n0, _AWRRGRL,
    0, () => AwsWafRegionalRuleGroupRulesDetails$
];
var AwsWafRegionalRulePredicateList = [1, n0, _AWRRPL,
    0, () => AwsWafRegionalRulePredicateListDetails$
];
var AwsWafRegionalWebAclRulesList = [1, n0, _AWRWARL,
    0, () => AwsWafRegionalWebAclRulesListDetails$
];
var AwsWafRuleGroupRulesList = [1, n0, _AWRGRL,
    0, () => AwsWafRuleGroupRulesDetails$
];
var AwsWafRulePredicateList = [1, n0, _AWRPL,
    0, () => AwsWafRulePredicateListDetails$
];
var AwsWafv2InsertHeadersList = [1, n0, _AWIHL,
    0, () => AwsWafv2CustomHttpHeader$
];
var AwsWafv2RulesList = [1, n0, _AWRL,
    0, () => AwsWafv2RulesDetails$
];
var AwsWafWebAclRuleList = [1, n0, _AWWARL,
    0, () => AwsWafWebAclRule$
];
var BatchImportFindingsRequestFindingList = [1, n0, _BIFRFL,
    0, () => AwsSecurityFinding$
];
var BatchUpdateFindingsUnprocessedFindingsList = [1, n0, _BUFUFL,
    0, () => BatchUpdateFindingsUnprocessedFinding$
];
var BatchUpdateFindingsV2ProcessedFindingsList = [1, n0, _BUFVPFL,
    0, () => BatchUpdateFindingsV2ProcessedFinding$
];
var BatchUpdateFindingsV2UnprocessedFindingsList = [1, n0, _BUFVUFL,
    0, () => BatchUpdateFindingsV2UnprocessedFinding$
];
var BooleanFilterList = [1, n0, _BFL,
    0, () => BooleanFilter$
];
var Cells = [1, n0, _Cell,
    0, () => Cell$
];
var CidrBlockAssociationList = [1, n0, _CBAL,
    0, () => CidrBlockAssociation$
];
var CompositeFilterList = [1, n0, _CFL,
    0, () => CompositeFilter$
];
var ConfigurationPolicyAssociationList = [1, n0, _CPAL,
    0, () => ConfigurationPolicyAssociationSummary$
];
var ConfigurationPolicyAssociationsList = [1, n0, _CPALo,
    0, () => ConfigurationPolicyAssociation$
];
var ConfigurationPolicyAssociationSummaryList = [1, n0, _CPASL,
    0, () => ConfigurationPolicyAssociationSummary$
];
var ConfigurationPolicySummaryList = [1, n0, _CPSLo,
    0, () => ConfigurationPolicySummary$
];
var ConnectorSummaryList = [1, n0, _CSL,
    0, () => ConnectorSummary$
];
var CspmConnectorSummaryList = [1, n0, _CCSL,
    0, () => CspmConnectorSummary$
];
var CustomDataIdentifiersDetectionsList = [1, n0, _CDIDL,
    0, () => CustomDataIdentifiersDetections$
];
var CvssList = [1, n0, _CLv,
    0, () => Cvss$
];
var DateFilterList = [1, n0, _DFL,
    0, () => DateFilter$
];
var FilePathList = [1, n0, _FPL,
    0, () => FilePaths$
];
var FindingAggregatorList = [1, n0, _FAL,
    0, () => FindingAggregator$
];
var FindingHistoryRecordList = [1, n0, _FHRL,
    0, () => FindingHistoryRecord$
];
var FindingHistoryUpdatesList = [1, n0, _FHUL,
    0, () => FindingHistoryUpdate$
];
var FindingsTrendsCompositeFilterList = [1, n0, _FTCFL,
    0, () => FindingsTrendsCompositeFilter$
];
var FindingsTrendsStringFilterList = [1, n0, _FTSFL,
    0, () => FindingsTrendsStringFilter$
];
var FirewallPolicyStatefulRuleGroupReferencesList = [1, n0, _FPSRGRL,
    0, () => FirewallPolicyStatefulRuleGroupReferencesDetails$
];
var FirewallPolicyStatelessCustomActionsList = [1, n0, _FPSCAL,
    0, () => FirewallPolicyStatelessCustomActionsDetails$
];
var FirewallPolicyStatelessRuleGroupReferencesList = [1, n0, _FPSRGRLi,
    0, () => FirewallPolicyStatelessRuleGroupReferencesDetails$
];
var FreeTrialStatusList = [1, n0, _FTSL,
    0, () => FreeTrialStatus$
];
var GroupByResults = [1, n0, _GBRr,
    0, () => GroupByResult$
];
var GroupByRules = [1, n0, _GBR,
    0, () => GroupByRule$
];
var GroupByValues = [1, n0, _GBV,
    0, () => GroupByValue$
];
var HealthIssueList = [1, n0, _HIL,
    0, () => HealthIssue$
];
var ImportFindingsErrorList = [1, n0, _IFEL,
    0, () => ImportFindingsError$
];
var IndicatorsList = [1, n0, _IL,
    0, () => Indicator$
];
var InsightList = [1, n0, _ILn,
    0, () => Insight$
];
var InsightResultValueList = [1, n0, _IRVL,
    0, () => InsightResultValue$
];
var InvitationList = [1, n0, _ILnv,
    0, () => Invitation$
];
var IpFilterList = [1, n0, _IFL,
    0, () => IpFilter$
];
var Ipv6CidrBlockAssociationList = [1, n0, _ICBAL,
    0, () => Ipv6CidrBlockAssociation$
];
var KeywordFilterList = [1, n0, _KFL,
    0, () => KeywordFilter$
];
var MalwareList = [1, n0, _ML,
    0, () => Malware$
];
var MapFilterList = [1, n0, _MFL,
    0, () => MapFilter$
];
var MemberList = [1, n0, _MLe,
    0, () => Member$
];
var NetworkEndpointsList = [1, n0, _NEL,
    0, () => NetworkEndpoint$
];
var NetworkPathList = [1, n0, _NPL,
    0, () => NetworkPathComponent$
];
var NumberFilterList = [1, n0, _NFL,
    0, () => NumberFilter$
];
var OcsfBooleanFilterList = [1, n0, _OBFL,
    0, () => OcsfBooleanFilter$
];
var OcsfDateFilterList = [1, n0, _ODFL,
    0, () => OcsfDateFilter$
];
var OcsfFindingIdentifierList = [1, n0, _OFIL,
    0, () => OcsfFindingIdentifier$
];
var OcsfIpFilterList = [1, n0, _OIFL,
    0, () => OcsfIpFilter$
];
var OcsfMapFilterList = [1, n0, _OMFL,
    0, () => OcsfMapFilter$
];
var OcsfNumberFilterList = [1, n0, _ONFL,
    0, () => OcsfNumberFilter$
];
var OcsfStringFilterList = [1, n0, _OSFL,
    0, () => OcsfStringFilter$
];
var Pages = [1, n0, _Pag,
    0, () => Page$
];
var PortProbeDetailList = [1, n0, _PPDL,
    0, () => PortProbeDetail$
];
var PortRangeList = [1, n0, _PRL,
    0, () => PortRange$
];
var ProductsList = [1, n0, _PLr,
    0, () => Product$
];
var ProductsV2List = [1, n0, _PVLr,
    0, () => ProductV2$
];
var PropagatingVgwSetList = [1, n0, _PVSL,
    0, () => PropagatingVgwSetDetails$
];
var Ranges = [1, n0, _Ran,
    0, () => Range$
];
var RecommendationSteps = [1, n0, _RSec,
    0, () => RecommendationStep$
];
var Records = [1, n0, _Rec,
    0, () => _Record$
];
var RelatedFindingList = [1, n0, _RFL,
    0, () => RelatedFinding$
];
var ResourceFindingsSummaryList = [1, n0, _RFSL,
    0, () => ResourceFindingsSummary$
];
var ResourceGroupByRules = [1, n0, _RGBRe,
    0, () => ResourceGroupByRule$
];
var ResourceList = [1, n0, _RLe,
    0, () => Resource$
];
var Resources = [1, n0, _Res,
    0, () => ResourceResult$
];
var ResourcesCompositeFilterList = [1, n0, _RCFL,
    0, () => ResourcesCompositeFilter$
];
var ResourcesDateFilterList = [1, n0, _RDFL,
    0, () => ResourcesDateFilter$
];
var ResourcesMapFilterList = [1, n0, _RMFL,
    0, () => ResourcesMapFilter$
];
var ResourcesNumberFilterList = [1, n0, _RNFL,
    0, () => ResourcesNumberFilter$
];
var ResourcesStringFilterList = [1, n0, _RSFL,
    0, () => ResourcesStringFilter$
];
var ResourcesTrendsCompositeFilterList = [1, n0, _RTCFL,
    0, () => ResourcesTrendsCompositeFilter$
];
var ResourcesTrendsMetrics = [1, n0, _RTM,
    0, () => ResourcesTrendsMetricsResult$
];
var ResourcesTrendsStringFilterList = [1, n0, _RTSFL,
    0, () => ResourcesTrendsStringFilter$
];
var ResourceTagList = [1, n0, _RTL,
    0, () => ResourceTag$
];
var ResultList = [1, n0, _RLes,
    0, () => Result$
];
var RouteSetList = [1, n0, _RSLo,
    0, () => RouteSetDetails$
];
var RuleGroupSourceCustomActionsList = [1, n0, _RGSCAL,
    0, () => RuleGroupSourceCustomActionsDetails$
];
var RuleGroupSourceStatefulRulesList = [1, n0, _RGSSRL,
    0, () => RuleGroupSourceStatefulRulesDetails$
];
var RuleGroupSourceStatefulRulesOptionsList = [1, n0, _RGSSROL,
    0, () => RuleGroupSourceStatefulRulesOptionsDetails$
];
var RuleGroupSourceStatelessRuleMatchAttributesDestinationPortsList = [1, n0, _RGSSRMADPL,
    0, () => RuleGroupSourceStatelessRuleMatchAttributesDestinationPorts$
];
var RuleGroupSourceStatelessRuleMatchAttributesDestinationsList = [1, n0, _RGSSRMADL,
    0, () => RuleGroupSourceStatelessRuleMatchAttributesDestinations$
];
var RuleGroupSourceStatelessRuleMatchAttributesSourcePortsList = [1, n0, _RGSSRMASPL,
    0, () => RuleGroupSourceStatelessRuleMatchAttributesSourcePorts$
];
var RuleGroupSourceStatelessRuleMatchAttributesSourcesList = [1, n0, _RGSSRMASL,
    0, () => RuleGroupSourceStatelessRuleMatchAttributesSources$
];
var RuleGroupSourceStatelessRuleMatchAttributesTcpFlagsList = [1, n0, _RGSSRMATFL,
    0, () => RuleGroupSourceStatelessRuleMatchAttributesTcpFlags$
];
var RuleGroupSourceStatelessRulesList = [1, n0, _RGSSRLu,
    0, () => RuleGroupSourceStatelessRulesDetails$
];
var SecurityControlCustomParametersList = [1, n0, _SCCPL,
    0, () => SecurityControlCustomParameter$
];
var SecurityControlDefinitions = [1, n0, _SCDe,
    0, () => SecurityControlDefinition$
];
var SecurityControlParametersList = [1, n0, _SCPL,
    0, () => SecurityControlParameter$
];
var SecurityControls = [1, n0, _SCec,
    0, () => SecurityControl$
];
var SensitiveDataDetectionsList = [1, n0, _SDDL,
    0, () => SensitiveDataDetections$
];
var SensitiveDataResultList = [1, n0, _SDRL,
    0, () => SensitiveDataResult$
];
var SignalsList = [1, n0, _SLi,
    0, () => Signal$
];
var SoftwarePackageList = [1, n0, _SPL,
    0, () => SoftwarePackage$
];
var SortCriteria = [1, n0, _SCor,
    0, () => SortCriterion$
];
var Standards = [1, n0, _Stan,
    0, () => Standard$
];
var StandardsControlAssociationDetails = [1, n0, _SCAD,
    0, () => StandardsControlAssociationDetail$
];
var StandardsControlAssociationIds = [1, n0, _SCAI,
    0, () => StandardsControlAssociationId$
];
var StandardsControlAssociationSummaries = [1, n0, _SCAS,
    0, () => StandardsControlAssociationSummary$
];
var StandardsControlAssociationUpdates = [1, n0, _SCAU,
    0, () => StandardsControlAssociationUpdate$
];
var StandardsControls = [1, n0, _SCtand,
    0, () => StandardsControl$
];
var StandardsSubscriptionRequests = [1, n0, _SSRt,
    0, () => StandardsSubscriptionRequest$
];
var StandardsSubscriptions = [1, n0, _SSta,
    0, () => StandardsSubscription$
];
var StatelessCustomPublishMetricActionDimensionsList = [1, n0, _SCPMADL,
    0, () => StatelessCustomPublishMetricActionDimension$
];
var StatusReasonsList = [1, n0, _SRL,
    0, () => StatusReason$
];
var StringFilterList = [1, n0, _SFL,
    0, () => StringFilter$
];
var ThreatIntelIndicatorList = [1, n0, _TIIL,
    0, () => ThreatIntelIndicator$
];
var ThreatList = [1, n0, _TL,
    0, () => Threat$
];
var TrendsMetrics = [1, n0, _TMr,
    0, () => TrendsMetricsResult$
];
var UnprocessedAutomationRulesList = [1, n0, _UARL,
    0, () => UnprocessedAutomationRule$
];
var UnprocessedConfigurationPolicyAssociationList = [1, n0, _UCPAL,
    0, () => UnprocessedConfigurationPolicyAssociation$
];
var UnprocessedSecurityControls = [1, n0, _USCnp,
    0, () => UnprocessedSecurityControl$
];
var UnprocessedStandardsControlAssociations = [1, n0, _USCAn,
    0, () => UnprocessedStandardsControlAssociation$
];
var UnprocessedStandardsControlAssociationUpdates = [1, n0, _USCAUn,
    0, () => UnprocessedStandardsControlAssociationUpdate$
];
var UpdateAutomationRulesRequestItemsList = [1, n0, _UARRIL,
    0, () => UpdateAutomationRulesRequestItem$
];
var VolumeMountList = [1, n0, _VML,
    0, () => VolumeMount$
];
var VpcInfoCidrBlockSetList = [1, n0, _VICBSL,
    0, () => VpcInfoCidrBlockSetDetails$
];
var VpcInfoIpv6CidrBlockSetList = [1, n0, _VIICBSL,
    0, () => VpcInfoIpv6CidrBlockSetDetails$
];
var VulnerabilityCodeVulnerabilitiesList = [1, n0, _VCVL,
    0, () => VulnerabilityCodeVulnerabilities$
];
var VulnerabilityList = [1, n0, _VLu,
    0, () => Vulnerability$
];
var WafExcludedRuleList = [1, n0, _WERL,
    0, () => WafExcludedRule$
];
var Features = [2, n0, _Fe,
    0, 0, () => FeatureDetail$
];
var ParameterDefinitions = [2, n0, _PDar,
    0, 0, () => ParameterDefinition$
];
var _Parameters = [2, n0, _Para,
    0, 0, () => ParameterConfiguration$
];
var ConfigurationOptions$ = [4, n0, _COon,
    0,
    [_Inte, _ILnt, _Dou, _Str, _SLtr, _Bo, _Enu, _ELnu],
    [() => IntegerConfigurationOptions$, () => IntegerListConfigurationOptions$, () => DoubleConfigurationOptions$, () => StringConfigurationOptions$, () => StringListConfigurationOptions$, () => BooleanConfigurationOptions$, () => EnumConfigurationOptions$, () => EnumListConfigurationOptions$]
];
var Criteria$ = [4, n0, _Cr,
    0,
    [_OFC],
    [() => OcsfFindingFilters$]
];
var CspmProviderConfiguration$ = [4, n0, _CPC,
    0,
    [_Az],
    [() => AzureProviderConfiguration$]
];
var CspmProviderDetail$ = [4, n0, _CPD,
    0,
    [_Az],
    [() => AzureDetail$]
];
var CspmProviderUpdateConfiguration$ = [4, n0, _CPUC,
    0,
    [_Az],
    [() => AzureUpdateConfiguration$]
];
var ParameterValue$ = [4, n0, _PVa,
    0,
    [_Inte, _ILnt, _Dou, _Str, _SLtr, _Bo, _Enu, _ELnu],
    [1, 64 | 1, 1, 0, 64 | 0, 2, 0, 64 | 0]
];
var Policy$ = [4, n0, _Pol,
    0,
    [_SH],
    [() => SecurityHubPolicy$]
];
var ProviderConfiguration$ = [4, n0, _PCro,
    0,
    [_JC, _SNer, _Az],
    [() => JiraCloudProviderConfiguration$, () => ServiceNowProviderConfiguration$, () => AzureProviderConfiguration$]
];
var ProviderDetail$ = [4, n0, _PD,
    0,
    [_JC, _SNer, _Az],
    [() => JiraCloudDetail$, () => ServiceNowDetail$, () => AzureDetail$]
];
var ProviderUpdateConfiguration$ = [4, n0, _PUC,
    0,
    [_JC, _SNer, _Az],
    [() => JiraCloudUpdateConfiguration$, () => ServiceNowUpdateConfiguration$, () => AzureUpdateConfiguration$]
];
var RecommendationStep$ = [4, n0, _RSeco,
    0,
    [_UP],
    [() => UnusedPermissionsRecommendationStep$]
];
var Target$ = [4, n0, _Ta,
    0,
    [_AIc, _OUI, _RIoo],
    [0, 0, 0]
];
var AcceptAdministratorInvitation$ = [9, n0, _AAIc,
    { [_h]: ["POST", "/administrator", 200] }, () => AcceptAdministratorInvitationRequest$, () => AcceptAdministratorInvitationResponse$
];
var AcceptInvitation$ = [9, n0, _AIcce,
    { [_h]: ["POST", "/master", 200] }, () => AcceptInvitationRequest$, () => AcceptInvitationResponse$
];
var BatchDeleteAutomationRules$ = [9, n0, _BDAR,
    { [_h]: ["POST", "/automationrules/delete", 200] }, () => BatchDeleteAutomationRulesRequest$, () => BatchDeleteAutomationRulesResponse$
];
var BatchDisableStandards$ = [9, n0, _BDS,
    { [_h]: ["POST", "/standards/deregister", 200] }, () => BatchDisableStandardsRequest$, () => BatchDisableStandardsResponse$
];
var BatchEnableStandards$ = [9, n0, _BES,
    { [_h]: ["POST", "/standards/register", 200] }, () => BatchEnableStandardsRequest$, () => BatchEnableStandardsResponse$
];
var BatchGetAutomationRules$ = [9, n0, _BGAR,
    { [_h]: ["POST", "/automationrules/get", 200] }, () => BatchGetAutomationRulesRequest$, () => BatchGetAutomationRulesResponse$
];
var BatchGetConfigurationPolicyAssociations$ = [9, n0, _BGCPA,
    { [_h]: ["POST", "/configurationPolicyAssociation/batchget", 200] }, () => BatchGetConfigurationPolicyAssociationsRequest$, () => BatchGetConfigurationPolicyAssociationsResponse$
];
var BatchGetSecurityControls$ = [9, n0, _BGSC,
    { [_h]: ["POST", "/securityControls/batchGet", 200] }, () => BatchGetSecurityControlsRequest$, () => BatchGetSecurityControlsResponse$
];
var BatchGetStandardsControlAssociations$ = [9, n0, _BGSCA,
    { [_h]: ["POST", "/associations/batchGet", 200] }, () => BatchGetStandardsControlAssociationsRequest$, () => BatchGetStandardsControlAssociationsResponse$
];
var BatchImportFindings$ = [9, n0, _BIF,
    { [_h]: ["POST", "/findings/import", 200] }, () => BatchImportFindingsRequest$, () => BatchImportFindingsResponse$
];
var BatchUpdateAutomationRules$ = [9, n0, _BUAR,
    { [_h]: ["PATCH", "/automationrules/update", 200] }, () => BatchUpdateAutomationRulesRequest$, () => BatchUpdateAutomationRulesResponse$
];
var BatchUpdateFindings$ = [9, n0, _BUF,
    { [_h]: ["PATCH", "/findings/batchupdate", 200] }, () => BatchUpdateFindingsRequest$, () => BatchUpdateFindingsResponse$
];
var BatchUpdateFindingsV2$ = [9, n0, _BUFV,
    { [_h]: ["PATCH", "/findingsv2/batchupdatev2", 200] }, () => BatchUpdateFindingsV2Request$, () => BatchUpdateFindingsV2Response$
];
var BatchUpdateStandardsControlAssociations$ = [9, n0, _BUSCA,
    { [_h]: ["PATCH", "/associations", 200] }, () => BatchUpdateStandardsControlAssociationsRequest$, () => BatchUpdateStandardsControlAssociationsResponse$
];
var CreateActionTarget$ = [9, n0, _CAT,
    { [_h]: ["POST", "/actionTargets", 200] }, () => CreateActionTargetRequest$, () => CreateActionTargetResponse$
];
var CreateAggregatorV2$ = [9, n0, _CAV,
    { [_h]: ["POST", "/aggregatorv2/create", 200] }, () => CreateAggregatorV2Request$, () => CreateAggregatorV2Response$
];
var CreateAutomationRule$ = [9, n0, _CAR,
    { [_h]: ["POST", "/automationrules/create", 200] }, () => CreateAutomationRuleRequest$, () => CreateAutomationRuleResponse$
];
var CreateAutomationRuleV2$ = [9, n0, _CARV,
    { [_h]: ["POST", "/automationrulesv2/create", 200] }, () => CreateAutomationRuleV2Request$, () => CreateAutomationRuleV2Response$
];
var CreateConfigurationPolicy$ = [9, n0, _CCP,
    { [_h]: ["POST", "/configurationPolicy/create", 200] }, () => CreateConfigurationPolicyRequest$, () => CreateConfigurationPolicyResponse$
];
var CreateConnector$ = [9, n0, _CCr,
    { [_h]: ["POST", "/connectors", 200] }, () => CreateConnectorRequest$, () => CreateConnectorResponse$
];
var CreateConnectorV2$ = [9, n0, _CCV,
    { [_h]: ["POST", "/connectorsv2", 200] }, () => CreateConnectorV2Request$, () => CreateConnectorV2Response$
];
var CreateFindingAggregator$ = [9, n0, _CFA,
    { [_h]: ["POST", "/findingAggregator/create", 200] }, () => CreateFindingAggregatorRequest$, () => CreateFindingAggregatorResponse$
];
var CreateInsight$ = [9, n0, _CIre,
    { [_h]: ["POST", "/insights", 200] }, () => CreateInsightRequest$, () => CreateInsightResponse$
];
var CreateMembers$ = [9, n0, _CMr,
    { [_h]: ["POST", "/members", 200] }, () => CreateMembersRequest$, () => CreateMembersResponse$
];
var CreateTicketV2$ = [9, n0, _CTV,
    { [_h]: ["POST", "/ticketsv2", 200] }, () => CreateTicketV2Request$, () => CreateTicketV2Response$
];
var DeclineInvitations$ = [9, n0, _DIec,
    { [_h]: ["POST", "/invitations/decline", 200] }, () => DeclineInvitationsRequest$, () => DeclineInvitationsResponse$
];
var DeleteActionTarget$ = [9, n0, _DATe,
    { [_h]: ["DELETE", "/actionTargets/{ActionTargetArn+}", 200] }, () => DeleteActionTargetRequest$, () => DeleteActionTargetResponse$
];
var DeleteAggregatorV2$ = [9, n0, _DAV,
    { [_h]: ["DELETE", "/aggregatorv2/delete/{AggregatorV2Arn+}", 200] }, () => DeleteAggregatorV2Request$, () => DeleteAggregatorV2Response$
];
var DeleteAutomationRuleV2$ = [9, n0, _DARV,
    { [_h]: ["DELETE", "/automationrulesv2/{Identifier}", 200] }, () => DeleteAutomationRuleV2Request$, () => DeleteAutomationRuleV2Response$
];
var DeleteConfigurationPolicy$ = [9, n0, _DCP,
    { [_h]: ["DELETE", "/configurationPolicy/{Identifier}", 200] }, () => DeleteConfigurationPolicyRequest$, () => DeleteConfigurationPolicyResponse$
];
var DeleteConnector$ = [9, n0, _DCel,
    { [_h]: ["DELETE", "/connectors/{ConnectorId+}", 200] }, () => DeleteConnectorRequest$, () => DeleteConnectorResponse$
];
var DeleteConnectorV2$ = [9, n0, _DCV,
    { [_h]: ["DELETE", "/connectorsv2/{ConnectorId+}", 200] }, () => DeleteConnectorV2Request$, () => DeleteConnectorV2Response$
];
var DeleteFindingAggregator$ = [9, n0, _DFAe,
    { [_h]: ["DELETE", "/findingAggregator/delete/{FindingAggregatorArn+}", 200] }, () => DeleteFindingAggregatorRequest$, () => DeleteFindingAggregatorResponse$
];
var DeleteInsight$ = [9, n0, _DIel,
    { [_h]: ["DELETE", "/insights/{InsightArn+}", 200] }, () => DeleteInsightRequest$, () => DeleteInsightResponse$
];
var DeleteInvitations$ = [9, n0, _DIele,
    { [_h]: ["POST", "/invitations/delete", 200] }, () => DeleteInvitationsRequest$, () => DeleteInvitationsResponse$
];
var DeleteMembers$ = [9, n0, _DMe,
    { [_h]: ["POST", "/members/delete", 200] }, () => DeleteMembersRequest$, () => DeleteMembersResponse$
];
var DescribeActionTargets$ = [9, n0, _DATes,
    { [_h]: ["POST", "/actionTargets/get", 200] }, () => DescribeActionTargetsRequest$, () => DescribeActionTargetsResponse$
];
var DescribeHub$ = [9, n0, _DH,
    { [_h]: ["GET", "/accounts", 200] }, () => DescribeHubRequest$, () => DescribeHubResponse$
];
var DescribeOrganizationConfiguration$ = [9, n0, _DOC,
    { [_h]: ["GET", "/organization/configuration", 200] }, () => DescribeOrganizationConfigurationRequest$, () => DescribeOrganizationConfigurationResponse$
];
var DescribeProducts$ = [9, n0, _DPesc,
    { [_h]: ["GET", "/products", 200] }, () => DescribeProductsRequest$, () => DescribeProductsResponse$
];
var DescribeProductsV2$ = [9, n0, _DPV,
    { [_h]: ["GET", "/productsV2", 200] }, () => DescribeProductsV2Request$, () => DescribeProductsV2Response$
];
var DescribeSecurityHubV2$ = [9, n0, _DSHV,
    { [_h]: ["GET", "/hubv2", 200] }, () => DescribeSecurityHubV2Request$, () => DescribeSecurityHubV2Response$
];
var DescribeStandards$ = [9, n0, _DSe,
    { [_h]: ["GET", "/standards", 200] }, () => DescribeStandardsRequest$, () => DescribeStandardsResponse$
];
var DescribeStandardsControls$ = [9, n0, _DSC,
    { [_h]: ["GET", "/standards/controls/{StandardsSubscriptionArn+}", 200] }, () => DescribeStandardsControlsRequest$, () => DescribeStandardsControlsResponse$
];
var DisableImportFindingsForProduct$ = [9, n0, _DIFFP,
    { [_h]: ["DELETE", "/productSubscriptions/{ProductSubscriptionArn+}", 200] }, () => DisableImportFindingsForProductRequest$, () => DisableImportFindingsForProductResponse$
];
var DisableOrganizationAdminAccount$ = [9, n0, _DOAA,
    { [_h]: ["POST", "/organization/admin/disable", 200] }, () => DisableOrganizationAdminAccountRequest$, () => DisableOrganizationAdminAccountResponse$
];
var DisableSecurityHub$ = [9, n0, _DSH,
    { [_h]: ["DELETE", "/accounts", 200] }, () => DisableSecurityHubRequest$, () => DisableSecurityHubResponse$
];
var DisableSecurityHubFeatureV2$ = [9, n0, _DSHFV,
    { [_h]: ["DELETE", "/hubv2/feature/{FeatureName}", 200] }, () => DisableSecurityHubFeatureV2Request$, () => DisableSecurityHubFeatureV2Response$
];
var DisableSecurityHubV2$ = [9, n0, _DSHVi,
    { [_h]: ["DELETE", "/hubv2", 200] }, () => DisableSecurityHubV2Request$, () => DisableSecurityHubV2Response$
];
var DisassociateFromAdministratorAccount$ = [9, n0, _DFAA,
    { [_h]: ["POST", "/administrator/disassociate", 200] }, () => DisassociateFromAdministratorAccountRequest$, () => DisassociateFromAdministratorAccountResponse$
];
var DisassociateFromMasterAccount$ = [9, n0, _DFMA,
    { [_h]: ["POST", "/master/disassociate", 200] }, () => DisassociateFromMasterAccountRequest$, () => DisassociateFromMasterAccountResponse$
];
var DisassociateMembers$ = [9, n0, _DMi,
    { [_h]: ["POST", "/members/disassociate", 200] }, () => DisassociateMembersRequest$, () => DisassociateMembersResponse$
];
var EnableImportFindingsForProduct$ = [9, n0, _EIFFP,
    { [_h]: ["POST", "/productSubscriptions", 200] }, () => EnableImportFindingsForProductRequest$, () => EnableImportFindingsForProductResponse$
];
var EnableOrganizationAdminAccount$ = [9, n0, _EOAA,
    { [_h]: ["POST", "/organization/admin/enable", 200] }, () => EnableOrganizationAdminAccountRequest$, () => EnableOrganizationAdminAccountResponse$
];
var EnableSecurityHub$ = [9, n0, _ESH,
    { [_h]: ["POST", "/accounts", 200] }, () => EnableSecurityHubRequest$, () => EnableSecurityHubResponse$
];
var EnableSecurityHubFeatureV2$ = [9, n0, _ESHFV,
    { [_h]: ["POST", "/hubv2/feature/{FeatureName}", 200] }, () => EnableSecurityHubFeatureV2Request$, () => EnableSecurityHubFeatureV2Response$
];
var EnableSecurityHubV2$ = [9, n0, _ESHV,
    { [_h]: ["POST", "/hubv2", 200] }, () => EnableSecurityHubV2Request$, () => EnableSecurityHubV2Response$
];
var GenerateRecommendedPolicyV2$ = [9, n0, _GRPV,
    { [_h]: ["POST", "/recommendedPolicyV2/{MetadataUid}", 200] }, () => GenerateRecommendedPolicyV2Request$, () => GenerateRecommendedPolicyV2Response$
];
var GetAdministratorAccount$ = [9, n0, _GAA,
    { [_h]: ["GET", "/administrator", 200] }, () => GetAdministratorAccountRequest$, () => GetAdministratorAccountResponse$
];
var GetAggregatorV2$ = [9, n0, _GAV,
    { [_h]: ["GET", "/aggregatorv2/get/{AggregatorV2Arn+}", 200] }, () => GetAggregatorV2Request$, () => GetAggregatorV2Response$
];
var GetAutomationRuleV2$ = [9, n0, _GARV,
    { [_h]: ["GET", "/automationrulesv2/{Identifier}", 200] }, () => GetAutomationRuleV2Request$, () => GetAutomationRuleV2Response$
];
var GetConfigurationPolicy$ = [9, n0, _GCP,
    { [_h]: ["GET", "/configurationPolicy/get/{Identifier}", 200] }, () => GetConfigurationPolicyRequest$, () => GetConfigurationPolicyResponse$
];
var GetConfigurationPolicyAssociation$ = [9, n0, _GCPA,
    { [_h]: ["POST", "/configurationPolicyAssociation/get", 200] }, () => GetConfigurationPolicyAssociationRequest$, () => GetConfigurationPolicyAssociationResponse$
];
var GetConnector$ = [9, n0, _GC,
    { [_h]: ["GET", "/connectors/{ConnectorId+}", 200] }, () => GetConnectorRequest$, () => GetConnectorResponse$
];
var GetConnectorV2$ = [9, n0, _GCV,
    { [_h]: ["GET", "/connectorsv2/{ConnectorId+}", 200] }, () => GetConnectorV2Request$, () => GetConnectorV2Response$
];
var GetEnabledStandards$ = [9, n0, _GES,
    { [_h]: ["POST", "/standards/get", 200] }, () => GetEnabledStandardsRequest$, () => GetEnabledStandardsResponse$
];
var GetFindingAggregator$ = [9, n0, _GFA,
    { [_h]: ["GET", "/findingAggregator/get/{FindingAggregatorArn+}", 200] }, () => GetFindingAggregatorRequest$, () => GetFindingAggregatorResponse$
];
var GetFindingHistory$ = [9, n0, _GFH,
    { [_h]: ["POST", "/findingHistory/get", 200] }, () => GetFindingHistoryRequest$, () => GetFindingHistoryResponse$
];
var GetFindings$ = [9, n0, _GF,
    { [_h]: ["POST", "/findings", 200] }, () => GetFindingsRequest$, () => GetFindingsResponse$
];
var GetFindingStatisticsV2$ = [9, n0, _GFSV,
    { [_h]: ["POST", "/findingsv2/statistics", 200] }, () => GetFindingStatisticsV2Request$, () => GetFindingStatisticsV2Response$
];
var GetFindingsTrendsV2$ = [9, n0, _GFTV,
    { [_h]: ["POST", "/findingsTrendsv2", 200] }, () => GetFindingsTrendsV2Request$, () => GetFindingsTrendsV2Response$
];
var GetFindingsV2$ = [9, n0, _GFV,
    { [_h]: ["POST", "/findingsv2", 200] }, () => GetFindingsV2Request$, () => GetFindingsV2Response$
];
var GetInsightResults$ = [9, n0, _GIRet,
    { [_h]: ["GET", "/insights/results/{InsightArn+}", 200] }, () => GetInsightResultsRequest$, () => GetInsightResultsResponse$
];
var GetInsights$ = [9, n0, _GIet,
    { [_h]: ["POST", "/insights/get", 200] }, () => GetInsightsRequest$, () => GetInsightsResponse$
];
var GetInvitationsCount$ = [9, n0, _GIC,
    { [_h]: ["GET", "/invitations/count", 200] }, () => GetInvitationsCountRequest$, () => GetInvitationsCountResponse$
];
var GetMasterAccount$ = [9, n0, _GMA,
    { [_h]: ["GET", "/master", 200] }, () => GetMasterAccountRequest$, () => GetMasterAccountResponse$
];
var GetMembers$ = [9, n0, _GM,
    { [_h]: ["POST", "/members/get", 200] }, () => GetMembersRequest$, () => GetMembersResponse$
];
var GetRecommendedPolicyV2$ = [9, n0, _GRPVe,
    { [_h]: ["GET", "/recommendedPolicyV2/{MetadataUid}", 200] }, () => GetRecommendedPolicyV2Request$, () => GetRecommendedPolicyV2Response$
];
var GetResourcesStatisticsV2$ = [9, n0, _GRSV,
    { [_h]: ["POST", "/resourcesv2/statistics", 200] }, () => GetResourcesStatisticsV2Request$, () => GetResourcesStatisticsV2Response$
];
var GetResourcesTrendsV2$ = [9, n0, _GRTV,
    { [_h]: ["POST", "/resourcesTrendsv2", 200] }, () => GetResourcesTrendsV2Request$, () => GetResourcesTrendsV2Response$
];
var GetResourcesV2$ = [9, n0, _GRV,
    { [_h]: ["POST", "/resourcesv2", 200] }, () => GetResourcesV2Request$, () => GetResourcesV2Response$
];
var GetSecurityControlDefinition$ = [9, n0, _GSCD,
    { [_h]: ["GET", "/securityControl/definition", 200] }, () => GetSecurityControlDefinitionRequest$, () => GetSecurityControlDefinitionResponse$
];
var InviteMembers$ = [9, n0, _IMn,
    { [_h]: ["POST", "/members/invite", 200] }, () => InviteMembersRequest$, () => InviteMembersResponse$
];
var ListAggregatorsV2$ = [9, n0, _LAV,
    { [_h]: ["GET", "/aggregatorv2/list", 200] }, () => ListAggregatorsV2Request$, () => ListAggregatorsV2Response$
];
var ListAutomationRules$ = [9, n0, _LAR,
    { [_h]: ["GET", "/automationrules/list", 200] }, () => ListAutomationRulesRequest$, () => ListAutomationRulesResponse$
];
var ListAutomationRulesV2$ = [9, n0, _LARV,
    { [_h]: ["GET", "/automationrulesv2/list", 200] }, () => ListAutomationRulesV2Request$, () => ListAutomationRulesV2Response$
];
var ListConfigurationPolicies$ = [9, n0, _LCP,
    { [_h]: ["GET", "/configurationPolicy/list", 200] }, () => ListConfigurationPoliciesRequest$, () => ListConfigurationPoliciesResponse$
];
var ListConfigurationPolicyAssociations$ = [9, n0, _LCPA,
    { [_h]: ["POST", "/configurationPolicyAssociation/list", 200] }, () => ListConfigurationPolicyAssociationsRequest$, () => ListConfigurationPolicyAssociationsResponse$
];
var ListConnectors$ = [9, n0, _LCi,
    { [_h]: ["GET", "/connectors", 200] }, () => ListConnectorsRequest$, () => ListConnectorsResponse$
];
var ListConnectorsV2$ = [9, n0, _LCV,
    { [_h]: ["GET", "/connectorsv2", 200] }, () => ListConnectorsV2Request$, () => ListConnectorsV2Response$
];
var ListEnabledProductsForImport$ = [9, n0, _LEPFI,
    { [_h]: ["GET", "/productSubscriptions", 200] }, () => ListEnabledProductsForImportRequest$, () => ListEnabledProductsForImportResponse$
];
var ListFindingAggregators$ = [9, n0, _LFAi,
    { [_h]: ["GET", "/findingAggregator/list", 200] }, () => ListFindingAggregatorsRequest$, () => ListFindingAggregatorsResponse$
];
var ListFreeTrialStatusesV2$ = [9, n0, _LFTSV,
    { [_h]: ["POST", "/freetrial/statusv2/list", 200] }, () => ListFreeTrialStatusesV2Request$, () => ListFreeTrialStatusesV2Response$
];
var ListInvitations$ = [9, n0, _LI,
    { [_h]: ["GET", "/invitations", 200] }, () => ListInvitationsRequest$, () => ListInvitationsResponse$
];
var ListMembers$ = [9, n0, _LMis,
    { [_h]: ["GET", "/members", 200] }, () => ListMembersRequest$, () => ListMembersResponse$
];
var ListOrganizationAdminAccounts$ = [9, n0, _LOAA,
    { [_h]: ["GET", "/organization/admin", 200] }, () => ListOrganizationAdminAccountsRequest$, () => ListOrganizationAdminAccountsResponse$
];
var ListSecurityControlDefinitions$ = [9, n0, _LSCD,
    { [_h]: ["GET", "/securityControls/definitions", 200] }, () => ListSecurityControlDefinitionsRequest$, () => ListSecurityControlDefinitionsResponse$
];
var ListStandardsControlAssociations$ = [9, n0, _LSCA,
    { [_h]: ["GET", "/associations", 200] }, () => ListStandardsControlAssociationsRequest$, () => ListStandardsControlAssociationsResponse$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    { [_h]: ["GET", "/tags/{ResourceArn}", 200] }, () => ListTagsForResourceRequest$, () => ListTagsForResourceResponse$
];
var RegisterConnectorV2$ = [9, n0, _RCV,
    { [_h]: ["POST", "/connectorsv2/register", 200] }, () => RegisterConnectorV2Request$, () => RegisterConnectorV2Response$
];
var StartConfigurationPolicyAssociation$ = [9, n0, _SCPA,
    { [_h]: ["POST", "/configurationPolicyAssociation/associate", 200] }, () => StartConfigurationPolicyAssociationRequest$, () => StartConfigurationPolicyAssociationResponse$
];
var StartConfigurationPolicyDisassociation$ = [9, n0, _SCPD,
    { [_h]: ["POST", "/configurationPolicyAssociation/disassociate", 200] }, () => StartConfigurationPolicyDisassociationRequest$, () => StartConfigurationPolicyDisassociationResponse$
];
var TagResource$ = [9, n0, _TR,
    { [_h]: ["POST", "/tags/{ResourceArn}", 200] }, () => TagResourceRequest$, () => TagResourceResponse$
];
var UntagResource$ = [9, n0, _URn,
    { [_h]: ["DELETE", "/tags/{ResourceArn}", 200] }, () => UntagResourceRequest$, () => UntagResourceResponse$
];
var UpdateActionTarget$ = [9, n0, _UAT,
    { [_h]: ["PATCH", "/actionTargets/{ActionTargetArn+}", 200] }, () => UpdateActionTargetRequest$, () => UpdateActionTargetResponse$
];
var UpdateAggregatorV2$ = [9, n0, _UAV,
    { [_h]: ["PATCH", "/aggregatorv2/update/{AggregatorV2Arn+}", 200] }, () => UpdateAggregatorV2Request$, () => UpdateAggregatorV2Response$
];
var UpdateAutomationRuleV2$ = [9, n0, _UARV,
    { [_h]: ["PATCH", "/automationrulesv2/{Identifier}", 200] }, () => UpdateAutomationRuleV2Request$, () => UpdateAutomationRuleV2Response$
];
var UpdateConfigurationPolicy$ = [9, n0, _UCP,
    { [_h]: ["PATCH", "/configurationPolicy/{Identifier}", 200] }, () => UpdateConfigurationPolicyRequest$, () => UpdateConfigurationPolicyResponse$
];
var UpdateConnector$ = [9, n0, _UC,
    { [_h]: ["PATCH", "/connectors/{ConnectorId+}", 200] }, () => UpdateConnectorRequest$, () => UpdateConnectorResponse$
];
var UpdateConnectorV2$ = [9, n0, _UCV,
    { [_h]: ["PATCH", "/connectorsv2/{ConnectorId+}", 200] }, () => UpdateConnectorV2Request$, () => UpdateConnectorV2Response$
];
var UpdateFindingAggregator$ = [9, n0, _UFA,
    { [_h]: ["PATCH", "/findingAggregator/update", 200] }, () => UpdateFindingAggregatorRequest$, () => UpdateFindingAggregatorResponse$
];
var UpdateFindings$ = [9, n0, _UFpd,
    { [_h]: ["PATCH", "/findings", 200] }, () => UpdateFindingsRequest$, () => UpdateFindingsResponse$
];
var UpdateInsight$ = [9, n0, _UIp,
    { [_h]: ["PATCH", "/insights/{InsightArn+}", 200] }, () => UpdateInsightRequest$, () => UpdateInsightResponse$
];
var UpdateOrganizationConfiguration$ = [9, n0, _UOC,
    { [_h]: ["POST", "/organization/configuration", 200] }, () => UpdateOrganizationConfigurationRequest$, () => UpdateOrganizationConfigurationResponse$
];
var UpdateSecurityControl$ = [9, n0, _USCp,
    { [_h]: ["PATCH", "/securityControl/update", 200] }, () => UpdateSecurityControlRequest$, () => UpdateSecurityControlResponse$
];
var UpdateSecurityHubConfiguration$ = [9, n0, _USHC,
    { [_h]: ["PATCH", "/accounts", 200] }, () => UpdateSecurityHubConfigurationRequest$, () => UpdateSecurityHubConfigurationResponse$
];
var UpdateStandardsControl$ = [9, n0, _USCpd,
    { [_h]: ["PATCH", "/standards/control/{StandardsControlArn+}", 200] }, () => UpdateStandardsControlRequest$, () => UpdateStandardsControlResponse$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2018-10-26",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultSecurityHubHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsRestJsonProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.securityhub",
            errorTypeRegistries,
            version: "2018-10-26",
            serviceTarget: "SecurityHubAPIService",
        },
        serviceId: config?.serviceId ?? "SecurityHub",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class SecurityHubClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultSecurityHubHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "SecurityHubAPIService", "SecurityHubClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class AcceptAdministratorInvitationCommand extends command(_ep0, _mw0, "AcceptAdministratorInvitation", AcceptAdministratorInvitation$) {
}

class AcceptInvitationCommand extends command(_ep0, _mw0, "AcceptInvitation", AcceptInvitation$) {
}

class BatchDeleteAutomationRulesCommand extends command(_ep0, _mw0, "BatchDeleteAutomationRules", BatchDeleteAutomationRules$) {
}

class BatchDisableStandardsCommand extends command(_ep0, _mw0, "BatchDisableStandards", BatchDisableStandards$) {
}

class BatchEnableStandardsCommand extends command(_ep0, _mw0, "BatchEnableStandards", BatchEnableStandards$) {
}

class BatchGetAutomationRulesCommand extends command(_ep0, _mw0, "BatchGetAutomationRules", BatchGetAutomationRules$) {
}

class BatchGetConfigurationPolicyAssociationsCommand extends command(_ep0, _mw0, "BatchGetConfigurationPolicyAssociations", BatchGetConfigurationPolicyAssociations$) {
}

class BatchGetSecurityControlsCommand extends command(_ep0, _mw0, "BatchGetSecurityControls", BatchGetSecurityControls$) {
}

class BatchGetStandardsControlAssociationsCommand extends command(_ep0, _mw0, "BatchGetStandardsControlAssociations", BatchGetStandardsControlAssociations$) {
}

class BatchImportFindingsCommand extends command(_ep0, _mw0, "BatchImportFindings", BatchImportFindings$) {
}

class BatchUpdateAutomationRulesCommand extends command(_ep0, _mw0, "BatchUpdateAutomationRules", BatchUpdateAutomationRules$) {
}

class BatchUpdateFindingsCommand extends command(_ep0, _mw0, "BatchUpdateFindings", BatchUpdateFindings$) {
}

class BatchUpdateFindingsV2Command extends command(_ep0, _mw0, "BatchUpdateFindingsV2", BatchUpdateFindingsV2$) {
}

class BatchUpdateStandardsControlAssociationsCommand extends command(_ep0, _mw0, "BatchUpdateStandardsControlAssociations", BatchUpdateStandardsControlAssociations$) {
}

class CreateActionTargetCommand extends command(_ep0, _mw0, "CreateActionTarget", CreateActionTarget$) {
}

class CreateAggregatorV2Command extends command(_ep0, _mw0, "CreateAggregatorV2", CreateAggregatorV2$) {
}

class CreateAutomationRuleCommand extends command(_ep0, _mw0, "CreateAutomationRule", CreateAutomationRule$) {
}

class CreateAutomationRuleV2Command extends command(_ep0, _mw0, "CreateAutomationRuleV2", CreateAutomationRuleV2$) {
}

class CreateConfigurationPolicyCommand extends command(_ep0, _mw0, "CreateConfigurationPolicy", CreateConfigurationPolicy$) {
}

class CreateConnectorCommand extends command(_ep0, _mw0, "CreateConnector", CreateConnector$) {
}

class CreateConnectorV2Command extends command(_ep0, _mw0, "CreateConnectorV2", CreateConnectorV2$) {
}

class CreateFindingAggregatorCommand extends command(_ep0, _mw0, "CreateFindingAggregator", CreateFindingAggregator$) {
}

class CreateInsightCommand extends command(_ep0, _mw0, "CreateInsight", CreateInsight$) {
}

class CreateMembersCommand extends command(_ep0, _mw0, "CreateMembers", CreateMembers$) {
}

class CreateTicketV2Command extends command(_ep0, _mw0, "CreateTicketV2", CreateTicketV2$) {
}

class DeclineInvitationsCommand extends command(_ep0, _mw0, "DeclineInvitations", DeclineInvitations$) {
}

class DeleteActionTargetCommand extends command(_ep0, _mw0, "DeleteActionTarget", DeleteActionTarget$) {
}

class DeleteAggregatorV2Command extends command(_ep0, _mw0, "DeleteAggregatorV2", DeleteAggregatorV2$) {
}

class DeleteAutomationRuleV2Command extends command(_ep0, _mw0, "DeleteAutomationRuleV2", DeleteAutomationRuleV2$) {
}

class DeleteConfigurationPolicyCommand extends command(_ep0, _mw0, "DeleteConfigurationPolicy", DeleteConfigurationPolicy$) {
}

class DeleteConnectorCommand extends command(_ep0, _mw0, "DeleteConnector", DeleteConnector$) {
}

class DeleteConnectorV2Command extends command(_ep0, _mw0, "DeleteConnectorV2", DeleteConnectorV2$) {
}

class DeleteFindingAggregatorCommand extends command(_ep0, _mw0, "DeleteFindingAggregator", DeleteFindingAggregator$) {
}

class DeleteInsightCommand extends command(_ep0, _mw0, "DeleteInsight", DeleteInsight$) {
}

class DeleteInvitationsCommand extends command(_ep0, _mw0, "DeleteInvitations", DeleteInvitations$) {
}

class DeleteMembersCommand extends command(_ep0, _mw0, "DeleteMembers", DeleteMembers$) {
}

class DescribeActionTargetsCommand extends command(_ep0, _mw0, "DescribeActionTargets", DescribeActionTargets$) {
}

class DescribeHubCommand extends command(_ep0, _mw0, "DescribeHub", DescribeHub$) {
}

class DescribeOrganizationConfigurationCommand extends command(_ep0, _mw0, "DescribeOrganizationConfiguration", DescribeOrganizationConfiguration$) {
}

class DescribeProductsCommand extends command(_ep0, _mw0, "DescribeProducts", DescribeProducts$) {
}

class DescribeProductsV2Command extends command(_ep0, _mw0, "DescribeProductsV2", DescribeProductsV2$) {
}

class DescribeSecurityHubV2Command extends command(_ep0, _mw0, "DescribeSecurityHubV2", DescribeSecurityHubV2$) {
}

class DescribeStandardsCommand extends command(_ep0, _mw0, "DescribeStandards", DescribeStandards$) {
}

class DescribeStandardsControlsCommand extends command(_ep0, _mw0, "DescribeStandardsControls", DescribeStandardsControls$) {
}

class DisableImportFindingsForProductCommand extends command(_ep0, _mw0, "DisableImportFindingsForProduct", DisableImportFindingsForProduct$) {
}

class DisableOrganizationAdminAccountCommand extends command(_ep0, _mw0, "DisableOrganizationAdminAccount", DisableOrganizationAdminAccount$) {
}

class DisableSecurityHubCommand extends command(_ep0, _mw0, "DisableSecurityHub", DisableSecurityHub$) {
}

class DisableSecurityHubFeatureV2Command extends command(_ep0, _mw0, "DisableSecurityHubFeatureV2", DisableSecurityHubFeatureV2$) {
}

class DisableSecurityHubV2Command extends command(_ep0, _mw0, "DisableSecurityHubV2", DisableSecurityHubV2$) {
}

class DisassociateFromAdministratorAccountCommand extends command(_ep0, _mw0, "DisassociateFromAdministratorAccount", DisassociateFromAdministratorAccount$) {
}

class DisassociateFromMasterAccountCommand extends command(_ep0, _mw0, "DisassociateFromMasterAccount", DisassociateFromMasterAccount$) {
}

class DisassociateMembersCommand extends command(_ep0, _mw0, "DisassociateMembers", DisassociateMembers$) {
}

class EnableImportFindingsForProductCommand extends command(_ep0, _mw0, "EnableImportFindingsForProduct", EnableImportFindingsForProduct$) {
}

class EnableOrganizationAdminAccountCommand extends command(_ep0, _mw0, "EnableOrganizationAdminAccount", EnableOrganizationAdminAccount$) {
}

class EnableSecurityHubCommand extends command(_ep0, _mw0, "EnableSecurityHub", EnableSecurityHub$) {
}

class EnableSecurityHubFeatureV2Command extends command(_ep0, _mw0, "EnableSecurityHubFeatureV2", EnableSecurityHubFeatureV2$) {
}

class EnableSecurityHubV2Command extends command(_ep0, _mw0, "EnableSecurityHubV2", EnableSecurityHubV2$) {
}

class GenerateRecommendedPolicyV2Command extends command(_ep0, _mw0, "GenerateRecommendedPolicyV2", GenerateRecommendedPolicyV2$) {
}

class GetAdministratorAccountCommand extends command(_ep0, _mw0, "GetAdministratorAccount", GetAdministratorAccount$) {
}

class GetAggregatorV2Command extends command(_ep0, _mw0, "GetAggregatorV2", GetAggregatorV2$) {
}

class GetAutomationRuleV2Command extends command(_ep0, _mw0, "GetAutomationRuleV2", GetAutomationRuleV2$) {
}

class GetConfigurationPolicyAssociationCommand extends command(_ep0, _mw0, "GetConfigurationPolicyAssociation", GetConfigurationPolicyAssociation$) {
}

class GetConfigurationPolicyCommand extends command(_ep0, _mw0, "GetConfigurationPolicy", GetConfigurationPolicy$) {
}

class GetConnectorCommand extends command(_ep0, _mw0, "GetConnector", GetConnector$) {
}

class GetConnectorV2Command extends command(_ep0, _mw0, "GetConnectorV2", GetConnectorV2$) {
}

class GetEnabledStandardsCommand extends command(_ep0, _mw0, "GetEnabledStandards", GetEnabledStandards$) {
}

class GetFindingAggregatorCommand extends command(_ep0, _mw0, "GetFindingAggregator", GetFindingAggregator$) {
}

class GetFindingHistoryCommand extends command(_ep0, _mw0, "GetFindingHistory", GetFindingHistory$) {
}

class GetFindingsCommand extends command(_ep0, _mw0, "GetFindings", GetFindings$) {
}

class GetFindingStatisticsV2Command extends command(_ep0, _mw0, "GetFindingStatisticsV2", GetFindingStatisticsV2$) {
}

class GetFindingsTrendsV2Command extends command(_ep0, _mw0, "GetFindingsTrendsV2", GetFindingsTrendsV2$) {
}

class GetFindingsV2Command extends command(_ep0, _mw0, "GetFindingsV2", GetFindingsV2$) {
}

class GetInsightResultsCommand extends command(_ep0, _mw0, "GetInsightResults", GetInsightResults$) {
}

class GetInsightsCommand extends command(_ep0, _mw0, "GetInsights", GetInsights$) {
}

class GetInvitationsCountCommand extends command(_ep0, _mw0, "GetInvitationsCount", GetInvitationsCount$) {
}

class GetMasterAccountCommand extends command(_ep0, _mw0, "GetMasterAccount", GetMasterAccount$) {
}

class GetMembersCommand extends command(_ep0, _mw0, "GetMembers", GetMembers$) {
}

class GetRecommendedPolicyV2Command extends command(_ep0, _mw0, "GetRecommendedPolicyV2", GetRecommendedPolicyV2$) {
}

class GetResourcesStatisticsV2Command extends command(_ep0, _mw0, "GetResourcesStatisticsV2", GetResourcesStatisticsV2$) {
}

class GetResourcesTrendsV2Command extends command(_ep0, _mw0, "GetResourcesTrendsV2", GetResourcesTrendsV2$) {
}

class GetResourcesV2Command extends command(_ep0, _mw0, "GetResourcesV2", GetResourcesV2$) {
}

class GetSecurityControlDefinitionCommand extends command(_ep0, _mw0, "GetSecurityControlDefinition", GetSecurityControlDefinition$) {
}

class InviteMembersCommand extends command(_ep0, _mw0, "InviteMembers", InviteMembers$) {
}

class ListAggregatorsV2Command extends command(_ep0, _mw0, "ListAggregatorsV2", ListAggregatorsV2$) {
}

class ListAutomationRulesCommand extends command(_ep0, _mw0, "ListAutomationRules", ListAutomationRules$) {
}

class ListAutomationRulesV2Command extends command(_ep0, _mw0, "ListAutomationRulesV2", ListAutomationRulesV2$) {
}

class ListConfigurationPoliciesCommand extends command(_ep0, _mw0, "ListConfigurationPolicies", ListConfigurationPolicies$) {
}

class ListConfigurationPolicyAssociationsCommand extends command(_ep0, _mw0, "ListConfigurationPolicyAssociations", ListConfigurationPolicyAssociations$) {
}

class ListConnectorsCommand extends command(_ep0, _mw0, "ListConnectors", ListConnectors$) {
}

class ListConnectorsV2Command extends command(_ep0, _mw0, "ListConnectorsV2", ListConnectorsV2$) {
}

class ListEnabledProductsForImportCommand extends command(_ep0, _mw0, "ListEnabledProductsForImport", ListEnabledProductsForImport$) {
}

class ListFindingAggregatorsCommand extends command(_ep0, _mw0, "ListFindingAggregators", ListFindingAggregators$) {
}

class ListFreeTrialStatusesV2Command extends command(_ep0, _mw0, "ListFreeTrialStatusesV2", ListFreeTrialStatusesV2$) {
}

class ListInvitationsCommand extends command(_ep0, _mw0, "ListInvitations", ListInvitations$) {
}

class ListMembersCommand extends command(_ep0, _mw0, "ListMembers", ListMembers$) {
}

class ListOrganizationAdminAccountsCommand extends command(_ep0, _mw0, "ListOrganizationAdminAccounts", ListOrganizationAdminAccounts$) {
}

class ListSecurityControlDefinitionsCommand extends command(_ep0, _mw0, "ListSecurityControlDefinitions", ListSecurityControlDefinitions$) {
}

class ListStandardsControlAssociationsCommand extends command(_ep0, _mw0, "ListStandardsControlAssociations", ListStandardsControlAssociations$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class RegisterConnectorV2Command extends command(_ep0, _mw0, "RegisterConnectorV2", RegisterConnectorV2$) {
}

class StartConfigurationPolicyAssociationCommand extends command(_ep0, _mw0, "StartConfigurationPolicyAssociation", StartConfigurationPolicyAssociation$) {
}

class StartConfigurationPolicyDisassociationCommand extends command(_ep0, _mw0, "StartConfigurationPolicyDisassociation", StartConfigurationPolicyDisassociation$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateActionTargetCommand extends command(_ep0, _mw0, "UpdateActionTarget", UpdateActionTarget$) {
}

class UpdateAggregatorV2Command extends command(_ep0, _mw0, "UpdateAggregatorV2", UpdateAggregatorV2$) {
}

class UpdateAutomationRuleV2Command extends command(_ep0, _mw0, "UpdateAutomationRuleV2", UpdateAutomationRuleV2$) {
}

class UpdateConfigurationPolicyCommand extends command(_ep0, _mw0, "UpdateConfigurationPolicy", UpdateConfigurationPolicy$) {
}

class UpdateConnectorCommand extends command(_ep0, _mw0, "UpdateConnector", UpdateConnector$) {
}

class UpdateConnectorV2Command extends command(_ep0, _mw0, "UpdateConnectorV2", UpdateConnectorV2$) {
}

class UpdateFindingAggregatorCommand extends command(_ep0, _mw0, "UpdateFindingAggregator", UpdateFindingAggregator$) {
}

class UpdateFindingsCommand extends command(_ep0, _mw0, "UpdateFindings", UpdateFindings$) {
}

class UpdateInsightCommand extends command(_ep0, _mw0, "UpdateInsight", UpdateInsight$) {
}

class UpdateOrganizationConfigurationCommand extends command(_ep0, _mw0, "UpdateOrganizationConfiguration", UpdateOrganizationConfiguration$) {
}

class UpdateSecurityControlCommand extends command(_ep0, _mw0, "UpdateSecurityControl", UpdateSecurityControl$) {
}

class UpdateSecurityHubConfigurationCommand extends command(_ep0, _mw0, "UpdateSecurityHubConfiguration", UpdateSecurityHubConfiguration$) {
}

class UpdateStandardsControlCommand extends command(_ep0, _mw0, "UpdateStandardsControl", UpdateStandardsControl$) {
}

const paginateDescribeActionTargets = createPaginator(SecurityHubClient, DescribeActionTargetsCommand, "NextToken", "NextToken", "MaxResults");

const paginateDescribeProducts = createPaginator(SecurityHubClient, DescribeProductsCommand, "NextToken", "NextToken", "MaxResults");

const paginateDescribeProductsV2 = createPaginator(SecurityHubClient, DescribeProductsV2Command, "NextToken", "NextToken", "MaxResults");

const paginateDescribeStandardsControls = createPaginator(SecurityHubClient, DescribeStandardsControlsCommand, "NextToken", "NextToken", "MaxResults");

const paginateDescribeStandards = createPaginator(SecurityHubClient, DescribeStandardsCommand, "NextToken", "NextToken", "MaxResults");

const paginateGetEnabledStandards = createPaginator(SecurityHubClient, GetEnabledStandardsCommand, "NextToken", "NextToken", "MaxResults");

const paginateGetFindingHistory = createPaginator(SecurityHubClient, GetFindingHistoryCommand, "NextToken", "NextToken", "MaxResults");

const paginateGetFindings = createPaginator(SecurityHubClient, GetFindingsCommand, "NextToken", "NextToken", "MaxResults");

const paginateGetFindingsTrendsV2 = createPaginator(SecurityHubClient, GetFindingsTrendsV2Command, "NextToken", "NextToken", "MaxResults");

const paginateGetFindingsV2 = createPaginator(SecurityHubClient, GetFindingsV2Command, "NextToken", "NextToken", "MaxResults");

const paginateGetInsights = createPaginator(SecurityHubClient, GetInsightsCommand, "NextToken", "NextToken", "MaxResults");

const paginateGetRecommendedPolicyV2 = createPaginator(SecurityHubClient, GetRecommendedPolicyV2Command, "NextToken", "NextToken", "MaxResults");

const paginateGetResourcesTrendsV2 = createPaginator(SecurityHubClient, GetResourcesTrendsV2Command, "NextToken", "NextToken", "MaxResults");

const paginateGetResourcesV2 = createPaginator(SecurityHubClient, GetResourcesV2Command, "NextToken", "NextToken", "MaxResults");

const paginateListAggregatorsV2 = createPaginator(SecurityHubClient, ListAggregatorsV2Command, "NextToken", "NextToken", "MaxResults");

const paginateListConfigurationPolicies = createPaginator(SecurityHubClient, ListConfigurationPoliciesCommand, "NextToken", "NextToken", "MaxResults");

const paginateListConfigurationPolicyAssociations = createPaginator(SecurityHubClient, ListConfigurationPolicyAssociationsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListEnabledProductsForImport = createPaginator(SecurityHubClient, ListEnabledProductsForImportCommand, "NextToken", "NextToken", "MaxResults");

const paginateListFindingAggregators = createPaginator(SecurityHubClient, ListFindingAggregatorsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListFreeTrialStatusesV2 = createPaginator(SecurityHubClient, ListFreeTrialStatusesV2Command, "NextToken", "NextToken", "MaxResults");

const paginateListInvitations = createPaginator(SecurityHubClient, ListInvitationsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListMembers = createPaginator(SecurityHubClient, ListMembersCommand, "NextToken", "NextToken", "MaxResults");

const paginateListOrganizationAdminAccounts = createPaginator(SecurityHubClient, ListOrganizationAdminAccountsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListSecurityControlDefinitions = createPaginator(SecurityHubClient, ListSecurityControlDefinitionsCommand, "NextToken", "NextToken", "MaxResults");

const paginateListStandardsControlAssociations = createPaginator(SecurityHubClient, ListStandardsControlAssociationsCommand, "NextToken", "NextToken", "MaxResults");

const commands = {
    AcceptAdministratorInvitationCommand,
    AcceptInvitationCommand,
    BatchDeleteAutomationRulesCommand,
    BatchDisableStandardsCommand,
    BatchEnableStandardsCommand,
    BatchGetAutomationRulesCommand,
    BatchGetConfigurationPolicyAssociationsCommand,
    BatchGetSecurityControlsCommand,
    BatchGetStandardsControlAssociationsCommand,
    BatchImportFindingsCommand,
    BatchUpdateAutomationRulesCommand,
    BatchUpdateFindingsCommand,
    BatchUpdateFindingsV2Command,
    BatchUpdateStandardsControlAssociationsCommand,
    CreateActionTargetCommand,
    CreateAggregatorV2Command,
    CreateAutomationRuleCommand,
    CreateAutomationRuleV2Command,
    CreateConfigurationPolicyCommand,
    CreateConnectorCommand,
    CreateConnectorV2Command,
    CreateFindingAggregatorCommand,
    CreateInsightCommand,
    CreateMembersCommand,
    CreateTicketV2Command,
    DeclineInvitationsCommand,
    DeleteActionTargetCommand,
    DeleteAggregatorV2Command,
    DeleteAutomationRuleV2Command,
    DeleteConfigurationPolicyCommand,
    DeleteConnectorCommand,
    DeleteConnectorV2Command,
    DeleteFindingAggregatorCommand,
    DeleteInsightCommand,
    DeleteInvitationsCommand,
    DeleteMembersCommand,
    DescribeActionTargetsCommand,
    DescribeHubCommand,
    DescribeOrganizationConfigurationCommand,
    DescribeProductsCommand,
    DescribeProductsV2Command,
    DescribeSecurityHubV2Command,
    DescribeStandardsCommand,
    DescribeStandardsControlsCommand,
    DisableImportFindingsForProductCommand,
    DisableOrganizationAdminAccountCommand,
    DisableSecurityHubCommand,
    DisableSecurityHubFeatureV2Command,
    DisableSecurityHubV2Command,
    DisassociateFromAdministratorAccountCommand,
    DisassociateFromMasterAccountCommand,
    DisassociateMembersCommand,
    EnableImportFindingsForProductCommand,
    EnableOrganizationAdminAccountCommand,
    EnableSecurityHubCommand,
    EnableSecurityHubFeatureV2Command,
    EnableSecurityHubV2Command,
    GenerateRecommendedPolicyV2Command,
    GetAdministratorAccountCommand,
    GetAggregatorV2Command,
    GetAutomationRuleV2Command,
    GetConfigurationPolicyCommand,
    GetConfigurationPolicyAssociationCommand,
    GetConnectorCommand,
    GetConnectorV2Command,
    GetEnabledStandardsCommand,
    GetFindingAggregatorCommand,
    GetFindingHistoryCommand,
    GetFindingsCommand,
    GetFindingStatisticsV2Command,
    GetFindingsTrendsV2Command,
    GetFindingsV2Command,
    GetInsightResultsCommand,
    GetInsightsCommand,
    GetInvitationsCountCommand,
    GetMasterAccountCommand,
    GetMembersCommand,
    GetRecommendedPolicyV2Command,
    GetResourcesStatisticsV2Command,
    GetResourcesTrendsV2Command,
    GetResourcesV2Command,
    GetSecurityControlDefinitionCommand,
    InviteMembersCommand,
    ListAggregatorsV2Command,
    ListAutomationRulesCommand,
    ListAutomationRulesV2Command,
    ListConfigurationPoliciesCommand,
    ListConfigurationPolicyAssociationsCommand,
    ListConnectorsCommand,
    ListConnectorsV2Command,
    ListEnabledProductsForImportCommand,
    ListFindingAggregatorsCommand,
    ListFreeTrialStatusesV2Command,
    ListInvitationsCommand,
    ListMembersCommand,
    ListOrganizationAdminAccountsCommand,
    ListSecurityControlDefinitionsCommand,
    ListStandardsControlAssociationsCommand,
    ListTagsForResourceCommand,
    RegisterConnectorV2Command,
    StartConfigurationPolicyAssociationCommand,
    StartConfigurationPolicyDisassociationCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateActionTargetCommand,
    UpdateAggregatorV2Command,
    UpdateAutomationRuleV2Command,
    UpdateConfigurationPolicyCommand,
    UpdateConnectorCommand,
    UpdateConnectorV2Command,
    UpdateFindingAggregatorCommand,
    UpdateFindingsCommand,
    UpdateInsightCommand,
    UpdateOrganizationConfigurationCommand,
    UpdateSecurityControlCommand,
    UpdateSecurityHubConfigurationCommand,
    UpdateStandardsControlCommand,
};
const paginators = {
    paginateDescribeActionTargets,
    paginateDescribeProducts,
    paginateDescribeProductsV2,
    paginateDescribeStandards,
    paginateDescribeStandardsControls,
    paginateGetEnabledStandards,
    paginateGetFindingHistory,
    paginateGetFindings,
    paginateGetFindingsTrendsV2,
    paginateGetFindingsV2,
    paginateGetInsights,
    paginateGetRecommendedPolicyV2,
    paginateGetResourcesTrendsV2,
    paginateGetResourcesV2,
    paginateListAggregatorsV2,
    paginateListConfigurationPolicies,
    paginateListConfigurationPolicyAssociations,
    paginateListEnabledProductsForImport,
    paginateListFindingAggregators,
    paginateListFreeTrialStatusesV2,
    paginateListInvitations,
    paginateListMembers,
    paginateListOrganizationAdminAccounts,
    paginateListSecurityControlDefinitions,
    paginateListStandardsControlAssociations,
};
class SecurityHub extends SecurityHubClient {
}
createAggregatedClient(commands, SecurityHub, { paginators });

const FreeTrialType = {
    SECURITY_HUB_V2: "SECURITY_HUB_V2",
    SECURITY_HUB_V2_MULTI_CLOUD_AZURE: "SECURITY_HUB_V2_MULTI_CLOUD_AZURE",
};
const FreeTrialStatusValue = {
    ACTIVE: "ACTIVE",
    INACTIVE: "INACTIVE",
};
const SeverityLabel = {
    CRITICAL: "CRITICAL",
    HIGH: "HIGH",
    INFORMATIONAL: "INFORMATIONAL",
    LOW: "LOW",
    MEDIUM: "MEDIUM",
};
const VerificationState = {
    BENIGN_POSITIVE: "BENIGN_POSITIVE",
    FALSE_POSITIVE: "FALSE_POSITIVE",
    TRUE_POSITIVE: "TRUE_POSITIVE",
    UNKNOWN: "UNKNOWN",
};
const WorkflowStatus = {
    NEW: "NEW",
    NOTIFIED: "NOTIFIED",
    RESOLVED: "RESOLVED",
    SUPPRESSED: "SUPPRESSED",
};
const AutomationRulesActionType = {
    FINDING_FIELDS_UPDATE: "FINDING_FIELDS_UPDATE",
};
const ActorSessionMfaStatus = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AdminStatus = {
    DISABLE_IN_PROGRESS: "DISABLE_IN_PROGRESS",
    ENABLED: "ENABLED",
};
const AllowedOperators = {
    AND: "AND",
    OR: "OR",
};
const ConfigurationPolicyAssociationStatus = {
    FAILED: "FAILED",
    PENDING: "PENDING",
    SUCCESS: "SUCCESS",
};
const AssociationType = {
    APPLIED: "APPLIED",
    INHERITED: "INHERITED",
};
const AssociationStatus = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AutoEnableStandards = {
    DEFAULT: "DEFAULT",
    NONE: "NONE",
};
const AutomationRulesActionTypeV2 = {
    EXTERNAL_INTEGRATION: "EXTERNAL_INTEGRATION",
    FINDING_FIELDS_UPDATE: "FINDING_FIELDS_UPDATE",
};
const StringFilterComparison = {
    CONTAINS: "CONTAINS",
    CONTAINS_WORD: "CONTAINS_WORD",
    EQUALS: "EQUALS",
    NOT_CONTAINS: "NOT_CONTAINS",
    NOT_EQUALS: "NOT_EQUALS",
    PREFIX: "PREFIX",
    PREFIX_NOT_EQUALS: "PREFIX_NOT_EQUALS",
};
const DateRangeComparison = {
    OLDER_THAN: "OLDER_THAN",
    WITHIN: "WITHIN",
};
const DateRangeUnit = {
    DAYS: "DAYS",
};
const MapFilterComparison = {
    CONTAINS: "CONTAINS",
    EQUALS: "EQUALS",
    NOT_CONTAINS: "NOT_CONTAINS",
    NOT_EQUALS: "NOT_EQUALS",
};
const RuleStatus = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const RuleStatusV2 = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const AwsIamAccessKeyStatus = {
    ACTIVE: "Active",
    INACTIVE: "Inactive",
};
const AwsS3BucketNotificationConfigurationS3KeyFilterRuleName = {
    PREFIX: "Prefix",
    SUFFIX: "Suffix",
};
const ComplianceStatus = {
    FAILED: "FAILED",
    NOT_AVAILABLE: "NOT_AVAILABLE",
    PASSED: "PASSED",
    WARNING: "WARNING",
};
const ConnectionDirection = {
    INBOUND: "INBOUND",
    OUTBOUND: "OUTBOUND",
};
const MalwareState = {
    OBSERVED: "OBSERVED",
    REMOVAL_FAILED: "REMOVAL_FAILED",
    REMOVED: "REMOVED",
};
const MalwareType = {
    ADWARE: "ADWARE",
    BLENDED_THREAT: "BLENDED_THREAT",
    BOTNET_AGENT: "BOTNET_AGENT",
    COIN_MINER: "COIN_MINER",
    EXPLOIT_KIT: "EXPLOIT_KIT",
    KEYLOGGER: "KEYLOGGER",
    MACRO: "MACRO",
    POTENTIALLY_UNWANTED: "POTENTIALLY_UNWANTED",
    RANSOMWARE: "RANSOMWARE",
    REMOTE_ACCESS: "REMOTE_ACCESS",
    ROOTKIT: "ROOTKIT",
    SPYWARE: "SPYWARE",
    TROJAN: "TROJAN",
    VIRUS: "VIRUS",
    WORM: "WORM",
};
const NetworkDirection = {
    IN: "IN",
    OUT: "OUT",
};
const RecordState = {
    ACTIVE: "ACTIVE",
    ARCHIVED: "ARCHIVED",
};
const Partition = {
    AWS: "aws",
    AWS_CN: "aws-cn",
    AWS_US_GOV: "aws-us-gov",
    AWS_US_ISO: "aws-us-iso",
    AWS_US_ISO_B: "aws-us-iso-b",
    AZURE_CLOUD: "AzureCloud",
};
const CloudProviderName = {
    AWS: "AWS",
    AZURE: "Azure",
};
const ThreatIntelIndicatorCategory = {
    BACKDOOR: "BACKDOOR",
    CARD_STEALER: "CARD_STEALER",
    COMMAND_AND_CONTROL: "COMMAND_AND_CONTROL",
    DROP_SITE: "DROP_SITE",
    EXPLOIT_SITE: "EXPLOIT_SITE",
    KEYLOGGER: "KEYLOGGER",
};
const ThreatIntelIndicatorType = {
    DOMAIN: "DOMAIN",
    EMAIL_ADDRESS: "EMAIL_ADDRESS",
    HASH_MD5: "HASH_MD5",
    HASH_SHA1: "HASH_SHA1",
    HASH_SHA256: "HASH_SHA256",
    HASH_SHA512: "HASH_SHA512",
    IPV4_ADDRESS: "IPV4_ADDRESS",
    IPV6_ADDRESS: "IPV6_ADDRESS",
    MUTEX: "MUTEX",
    PROCESS: "PROCESS",
    URL: "URL",
};
const VulnerabilityExploitAvailable = {
    NO: "NO",
    YES: "YES",
};
const VulnerabilityFixAvailable = {
    NO: "NO",
    PARTIAL: "PARTIAL",
    YES: "YES",
};
const WorkflowState = {
    ASSIGNED: "ASSIGNED",
    DEFERRED: "DEFERRED",
    IN_PROGRESS: "IN_PROGRESS",
    NEW: "NEW",
    RESOLVED: "RESOLVED",
};
const ScopeType = {
    SUBSCRIPTION: "SUBSCRIPTION",
    TENANT: "TENANT",
};
const StandardsProvider = {
    AWS: "AWS",
    Azure: "Azure",
};
const StandardsControlsUpdatable = {
    NOT_READY_FOR_UPDATES: "NOT_READY_FOR_UPDATES",
    READY_FOR_UPDATES: "READY_FOR_UPDATES",
};
const StandardsStatus = {
    DELETING: "DELETING",
    FAILED: "FAILED",
    INCOMPLETE: "INCOMPLETE",
    PENDING: "PENDING",
    READY: "READY",
};
const StatusReasonCode = {
    INTERNAL_ERROR: "INTERNAL_ERROR",
    MAXIMUM_NUMBER_OF_CONFIG_RULES_EXCEEDED: "MAXIMUM_NUMBER_OF_CONFIG_RULES_EXCEEDED",
    NO_AVAILABLE_CONFIGURATION_RECORDER: "NO_AVAILABLE_CONFIGURATION_RECORDER",
    NO_AVAILABLE_MULTICLOUD_CONNECTOR: "NO_AVAILABLE_MULTICLOUD_CONNECTOR",
};
const TargetType = {
    ACCOUNT: "ACCOUNT",
    ORGANIZATIONAL_UNIT: "ORGANIZATIONAL_UNIT",
    ROOT: "ROOT",
};
const ParameterValueType = {
    CUSTOM: "CUSTOM",
    DEFAULT: "DEFAULT",
};
const SecurityControlsProvider = {
    AWS: "AWS",
    Azure: "Azure",
};
const ControlStatus = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const SeverityRating = {
    CRITICAL: "CRITICAL",
    HIGH: "HIGH",
    LOW: "LOW",
    MEDIUM: "MEDIUM",
};
const UpdateStatus = {
    READY: "READY",
    UPDATING: "UPDATING",
};
const UnprocessedErrorCode = {
    ACCESS_DENIED: "ACCESS_DENIED",
    INVALID_INPUT: "INVALID_INPUT",
    LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
    NOT_FOUND: "NOT_FOUND",
    RESOURCE_NOT_FOUND: "RESOURCE_NOT_FOUND",
};
const BatchUpdateFindingsV2UnprocessedFindingErrorCode = {
    ConflictException: "ConflictException",
    InternalServerException: "InternalServerException",
    ResourceNotFoundException: "ResourceNotFoundException",
    ValidationException: "ValidationException",
};
const OcsfBooleanField = {
    COMPLIANCE_ASSESSMENTS_MEETS_CRITERIA: "compliance.assessments.meets_criteria",
    VULNERABILITIES_IS_EXPLOIT_AVAILABLE: "vulnerabilities.is_exploit_available",
    VULNERABILITIES_IS_FIX_AVAILABLE: "vulnerabilities.is_fix_available",
};
const OcsfDateField = {
    FINDING_INFO_CREATED_TIME_DT: "finding_info.created_time_dt",
    FINDING_INFO_FIRST_SEEN_TIME_DT: "finding_info.first_seen_time_dt",
    FINDING_INFO_LAST_SEEN_TIME_DT: "finding_info.last_seen_time_dt",
    FINDING_INFO_MODIFIED_TIME_DT: "finding_info.modified_time_dt",
    RESOURCES_IMAGE_CREATED_TIME_DT: "resources.image.created_time_dt",
    RESOURCES_IMAGE_LAST_USED_TIME_DT: "resources.image.last_used_time_dt",
    RESOURCES_MODIFIED_TIME_DT: "resources.modified_time_dt",
};
const OcsfIpField = {
    EVIDENCES_DST_ENDPOINT_IP: "evidences.dst_endpoint.ip",
    EVIDENCES_SRC_ENDPOINT_IP: "evidences.src_endpoint.ip",
};
const OcsfMapField = {
    COMPLIANCE_CONTROL_PARAMETERS: "compliance.control_parameters",
    DATABUCKET_TAGS: "databucket.tags",
    FINDING_INFO_TAGS: "finding_info.tags",
    RESOURCES_TAGS: "resources.tags",
};
const OcsfNumberField = {
    ACTIVITY_ID: "activity_id",
    COMPLIANCE_STATUS_ID: "compliance.status_id",
    CONFIDENCE_SCORE: "confidence_score",
    EVIDENCES_API_RESPONSE_CODE: "evidences.api.response.code",
    EVIDENCES_DST_ENDPOINT_AUTONOMOUS_SYSTEM_NUMBER: "evidences.dst_endpoint.autonomous_system.number",
    EVIDENCES_DST_ENDPOINT_PORT: "evidences.dst_endpoint.port",
    EVIDENCES_SRC_ENDPOINT_AUTONOMOUS_SYSTEM_NUMBER: "evidences.src_endpoint.autonomous_system.number",
    EVIDENCES_SRC_ENDPOINT_PORT: "evidences.src_endpoint.port",
    FINDING_INFO_RELATED_EVENTS_COUNT: "finding_info.related_events_count",
    RESOURCES_IMAGE_IN_USE_COUNT: "resources.image.in_use_count",
    SEVERITY_ID: "severity_id",
    STATUS_ID: "status_id",
    VENDOR_ATTRIBUTES_SEVERITY_ID: "vendor_attributes.severity_id",
    VULNERABILITIES_CVE_CVSS_BASE_SCORE: "vulnerabilities.cve.cvss.base_score",
};
const OcsfStringField = {
    ACTIVITY_NAME: "activity_name",
    CLASS_NAME: "class_name",
    CLOUD_ACCOUNT_NAME: "cloud.account.name",
    CLOUD_ACCOUNT_UID: "cloud.account.uid",
    CLOUD_PROVIDER: "cloud.provider",
    CLOUD_REGION: "cloud.region",
    COMMENT: "comment",
    COMPLIANCE_ASSESSMENTS_CATEGORY: "compliance.assessments.category",
    COMPLIANCE_ASSESSMENTS_NAME: "compliance.assessments.name",
    COMPLIANCE_CONTROL: "compliance.control",
    COMPLIANCE_STANDARDS: "compliance.standards",
    COMPLIANCE_STATUS: "compliance.status",
    DATABUCKET_ENCRYPTION_DETAILS_ALGORITHM: "databucket.encryption_details.algorithm",
    DATABUCKET_ENCRYPTION_DETAILS_KEY_UID: "databucket.encryption_details.key_uid",
    DATABUCKET_FILE_DATA_CLASSIFICATIONS_CLASSIFIER_DETAILS_TYPE: "databucket.file.data_classifications.classifier_details.type",
    EVIDENCES_ACTOR_USER_ACCOUNT_UID: "evidences.actor.user.account.uid",
    EVIDENCES_API_OPERATION: "evidences.api.operation",
    EVIDENCES_API_RESPONSE_ERROR_MESSAGE: "evidences.api.response.error_message",
    EVIDENCES_API_SERVICE_NAME: "evidences.api.service.name",
    EVIDENCES_CONNECTION_INFO_DIRECTION: "evidences.connection_info.direction",
    EVIDENCES_CONNECTION_INFO_PROTOCOL_NAME: "evidences.connection_info.protocol_name",
    EVIDENCES_DST_ENDPOINT_AUTONOMOUS_SYSTEM_NAME: "evidences.dst_endpoint.autonomous_system.name",
    EVIDENCES_DST_ENDPOINT_LOCATION_CITY: "evidences.dst_endpoint.location.city",
    EVIDENCES_DST_ENDPOINT_LOCATION_COUNTRY: "evidences.dst_endpoint.location.country",
    EVIDENCES_SRC_ENDPOINT_AUTONOMOUS_SYSTEM_NAME: "evidences.src_endpoint.autonomous_system.name",
    EVIDENCES_SRC_ENDPOINT_HOSTNAME: "evidences.src_endpoint.hostname",
    EVIDENCES_SRC_ENDPOINT_LOCATION_CITY: "evidences.src_endpoint.location.city",
    EVIDENCES_SRC_ENDPOINT_LOCATION_COUNTRY: "evidences.src_endpoint.location.country",
    FINDING_INFO_ANALYTIC_NAME: "finding_info.analytic.name",
    FINDING_INFO_DESC: "finding_info.desc",
    FINDING_INFO_RELATED_EVENTS_PRODUCT_UID: "finding_info.related_events.product.uid",
    FINDING_INFO_RELATED_EVENTS_TITLE: "finding_info.related_events.title",
    FINDING_INFO_RELATED_EVENTS_TRAITS_CATEGORY: "finding_info.related_events.traits.category",
    FINDING_INFO_RELATED_EVENTS_UID: "finding_info.related_events.uid",
    FINDING_INFO_SRC_URL: "finding_info.src_url",
    FINDING_INFO_TITLE: "finding_info.title",
    FINDING_INFO_TYPES: "finding_info.types",
    FINDING_INFO_UID: "finding_info.uid",
    MALWARE_NAME: "malware.name",
    MALWARE_SCAN_INFO_UID: "malware_scan_info.uid",
    MALWARE_SEVERITY: "malware.severity",
    METADATA_PRODUCT_NAME: "metadata.product.name",
    METADATA_PRODUCT_UID: "metadata.product.uid",
    METADATA_PRODUCT_VENDOR_NAME: "metadata.product.vendor_name",
    METADATA_UID: "metadata.uid",
    REMEDIATION_DESC: "remediation.desc",
    REMEDIATION_REFERENCES: "remediation.references",
    RESOURCES_CLOUD_FUNCTION_LAYERS_UID_ALT: "resources.cloud_function.layers.uid_alt",
    RESOURCES_CLOUD_FUNCTION_RUNTIME: "resources.cloud_function.runtime",
    RESOURCES_CLOUD_FUNCTION_USER_UID: "resources.cloud_function.user.uid",
    RESOURCES_CLOUD_PARTITION: "resources.cloud_partition",
    RESOURCES_DEVICE_ENCRYPTION_DETAILS_KEY_UID: "resources.device.encryption_details.key_uid",
    RESOURCES_DEVICE_IMAGE_UID: "resources.device.image.uid",
    RESOURCES_IMAGE_ARCHITECTURE: "resources.image.architecture",
    RESOURCES_IMAGE_REGISTRY_UID: "resources.image.registry_uid",
    RESOURCES_IMAGE_REPOSITORY_NAME: "resources.image.repository_name",
    RESOURCES_IMAGE_UID: "resources.image.uid",
    RESOURCES_NAME: "resources.name",
    RESOURCES_OWNER_ACCOUNT_NAME: "resources.owner.account.name",
    RESOURCES_OWNER_ACCOUNT_UID: "resources.owner.account.uid",
    RESOURCES_OWNER_ORG_UID: "resources.owner.org.uid",
    RESOURCES_PROVIDER: "resources.provider",
    RESOURCES_REGION: "resources.region",
    RESOURCES_SUBNET_INFO_UID: "resources.subnet_info.uid",
    RESOURCES_TYPE: "resources.type",
    RESOURCES_UID: "resources.uid",
    RESOURCES_VPC_UID: "resources.vpc_uid",
    SEVERITY: "severity",
    STATUS: "status",
    VENDOR_ATTRIBUTES_SEVERITY: "vendor_attributes.severity",
    VULNERABILITIES_AFFECTED_CODE_FILE_PATH: "vulnerabilities.affected_code.file.path",
    VULNERABILITIES_AFFECTED_PACKAGES_NAME: "vulnerabilities.affected_packages.name",
    VULNERABILITIES_CVE_EPSS_SCORE: "vulnerabilities.cve.epss.score",
    VULNERABILITIES_CVE_UID: "vulnerabilities.cve.uid",
    VULNERABILITIES_FIX_COVERAGE: "vulnerabilities.fix_coverage",
    VULNERABILITIES_RELATED_VULNERABILITIES: "vulnerabilities.related_vulnerabilities",
};
const ConnectorAuthStatus = {
    ACTIVE: "ACTIVE",
    FAILED: "FAILED",
};
const ConnectorProviderName = {
    AZURE: "AZURE",
    JIRA_CLOUD: "JIRA_CLOUD",
    SERVICENOW: "SERVICENOW",
};
const ConnectorStatus = {
    CONNECTED: "CONNECTED",
    DEGRADED: "DEGRADED",
    FAILED_TO_CONNECT: "FAILED_TO_CONNECT",
    PENDING_AUTHORIZATION: "PENDING_AUTHORIZATION",
    PENDING_CONFIGURATION: "PENDING_CONFIGURATION",
    UNKNOWN: "UNKNOWN",
};
const EnablementStatus = {
    ENABLED: "ENABLED",
    FAILED_TO_DELETE: "FAILED_TO_DELETE",
    FAILED_TO_ENABLE: "FAILED_TO_ENABLE",
    FAILED_TO_UPDATE: "FAILED_TO_UPDATE",
    PENDING_DELETION: "PENDING_DELETION",
    PENDING_ENABLEMENT: "PENDING_ENABLEMENT",
    PENDING_UPDATE: "PENDING_UPDATE",
};
const ControlFindingGenerator = {
    SECURITY_CONTROL: "SECURITY_CONTROL",
    STANDARD_CONTROL: "STANDARD_CONTROL",
};
const CspmConnectorStatus = {
    CONNECTED: "CONNECTED",
    DEGRADED: "DEGRADED",
    FAILED_TO_CONNECT: "FAILED_TO_CONNECT",
    UNKNOWN: "UNKNOWN",
};
const CspmEnablementStatus = {
    ENABLED: "ENABLED",
    PENDING_DELETION: "PENDING_DELETION",
    PENDING_ENABLEMENT: "PENDING_ENABLEMENT",
    PENDING_UPDATE: "PENDING_UPDATE",
};
const TicketCreationMode = {
    DRYRUN: "DRYRUN",
};
const CspmConnectorProviderName = {
    AZURE: "AZURE",
};
const HealthIssueCode = {
    AUTHENTICATION_FAILURE: "AUTHENTICATION_FAILURE",
    DISCOVERY_FAILURE: "DISCOVERY_FAILURE",
    NO_HEALTH_DATA: "NO_HEALTH_DATA",
    RECORDING_FAILURE: "RECORDING_FAILURE",
    STREAM_AUTHORIZATION_FAILURE: "STREAM_AUTHORIZATION_FAILURE",
    STREAM_DISCONNECTED: "STREAM_DISCONNECTED",
    STREAM_LIMIT_EXCEEDED: "STREAM_LIMIT_EXCEEDED",
};
const SecurityControlProperty = {
    Parameters: "Parameters",
};
const OrganizationConfigurationConfigurationType = {
    CENTRAL: "CENTRAL",
    LOCAL: "LOCAL",
};
const OrganizationConfigurationStatus = {
    ENABLED: "ENABLED",
    FAILED: "FAILED",
    PENDING: "PENDING",
};
const IntegrationType = {
    RECEIVE_FINDINGS_FROM_SECURITY_HUB: "RECEIVE_FINDINGS_FROM_SECURITY_HUB",
    SEND_FINDINGS_TO_SECURITY_HUB: "SEND_FINDINGS_TO_SECURITY_HUB",
    UPDATE_FINDINGS_IN_SECURITY_HUB: "UPDATE_FINDINGS_IN_SECURITY_HUB",
};
const IntegrationV2Type = {
    EXTENDED_PLAN: "EXTENDED_PLAN",
    RECEIVE_FINDINGS_FROM_SECURITY_HUB: "RECEIVE_FINDINGS_FROM_SECURITY_HUB",
    SEND_FINDINGS_TO_SECURITY_HUB: "SEND_FINDINGS_TO_SECURITY_HUB",
    UPDATE_FINDINGS_IN_SECURITY_HUB: "UPDATE_FINDINGS_IN_SECURITY_HUB",
};
const FeatureStatus = {
    DISABLED: "DISABLED",
    ENABLED: "ENABLED",
};
const SecurityHubFeature = {
    SECURITY_HUB: "SecurityHub",
    SECURITY_HUB_V2: "SecurityHubV2",
};
const FeatureName = {
    NETWORK_SCANNING: "NETWORK_SCANNING",
};
const DiscoveryType = {
    MANAGED: "Managed",
    SELF_HOSTED: "SelfHosted",
};
const FindingHistoryUpdateSourceType = {
    BATCH_IMPORT_FINDINGS: "BATCH_IMPORT_FINDINGS",
    BATCH_UPDATE_FINDINGS: "BATCH_UPDATE_FINDINGS",
};
const FindingsTrendsStringField = {
    ACCOUNT_ID: "account_id",
    COMPLIANCE_CONTROL: "finding_control_id",
    COMPLIANCE_STATUS: "finding_compliance_status",
    CVE_ID: "finding_cve_ids",
    FINDING_ACTIVITY_NAME: "finding_activity_name",
    FINDING_CLASS: "finding_class_name",
    FINDING_STATUS: "finding_status",
    FINDING_TYPE: "finding_types",
    PROVIDER_NAME: "finding_provider",
    REGION: "region",
    RESOURCE_CLOUD_PROVIDERS: "resource_cloud_providers",
    RESOURCE_OWNER_IDS: "resource_owner_ids",
    RESOURCE_OWNER_ORGANIZATION_IDS: "resource_owner_organization_ids",
    RESOURCE_REGIONS: "resource_regions",
};
const SortOrder = {
    ASCENDING: "asc",
    DESCENDING: "desc",
};
const GroupByField = {
    ACTIVITY_NAME: "activity_name",
    CLASS_NAME: "class_name",
    CLOUD_ACCOUNT_NAME: "cloud.account.name",
    CLOUD_ACCOUNT_UID: "cloud.account.uid",
    CLOUD_PROVIDER: "cloud.provider",
    CLOUD_REGION: "cloud.region",
    COMPLIANCE_ASSESSMENTS_NAME: "compliance.assessments.name",
    COMPLIANCE_CONTROL: "compliance.control",
    COMPLIANCE_STANDARDS: "compliance.standards",
    COMPLIANCE_STATUS: "compliance.status",
    FINDING_INFO_ANALYTIC_NAME: "finding_info.analytic.name",
    FINDING_INFO_RELATED_EVENTS_TRAITS_CATEGORY: "finding_info.related_events.traits.category",
    FINDING_INFO_TITLE: "finding_info.title",
    FINDING_INFO_TYPES: "finding_info.types",
    METADATA_PRODUCT_NAME: "metadata.product.name",
    METADATA_PRODUCT_UID: "metadata.product.uid",
    METADATA_PRODUCT_VENDOR_NAME: "metadata.product.vendor_name",
    RESOURCES_CLOUD_PARTITION: "resources.cloud_partition",
    RESOURCES_NAME: "resources.name",
    RESOURCES_OWNER_ACCOUNT_NAME: "resources.owner.account.name",
    RESOURCES_OWNER_ACCOUNT_UID: "resources.owner.account.uid",
    RESOURCES_OWNER_ORG_UID: "resources.owner.org.uid",
    RESOURCES_PROVIDER: "resources.provider",
    RESOURCES_REGION: "resources.region",
    RESOURCES_TYPE: "resources.type",
    RESOURCES_UID: "resources.uid",
    SEVERITY: "severity",
    STATUS: "status",
    VENDOR_ATTRIBUTES_SEVERITY: "vendor_attributes.severity",
    VULNERABILITIES_AFFECTED_PACKAGES_NAME: "vulnerabilities.affected_packages.name",
    VULNERABILITIES_FIX_COVERAGE: "vulnerabilities.fix_coverage",
};
const GranularityField = {
    DAILY: "Daily",
    MONTHLY: "Monthly",
    WEEKLY: "Weekly",
};
const RecommendationType = {
    UNUSED_PERMISSION_RECOMMENDATION: "UNUSED_PERMISSION_RECOMMENDATION",
};
const RecommendationStatus = {
    FAILED: "FAILED",
    IN_PROGRESS: "IN_PROGRESS",
    SUCCEEDED: "SUCCEEDED",
};
const ResourcesDateField = {
    RESOURCE_CREATION_TIME_DT: "ResourceCreationTime",
    RESOURCE_DETAIL_CAPTURE_TIME_DT: "ResourceDetailCaptureTime",
};
const ResourcesMapField = {
    TAG: "ResourceTags",
};
const ResourcesNumberField = {
    SELF_HOSTED_AI_AGENT_FRAMEWORK_RESOURCE_COUNT: "ResourceInfo.AIDetails.SelfHostedAIAgentFrameworkResourceCount",
    SELF_HOSTED_AI_AGENT_RESOURCE_COUNT: "ResourceInfo.AIDetails.SelfHostedAIAgentResourceCount",
    SELF_HOSTED_AI_AGENT_TOOLS_AND_IDENTITY_RESOURCE_COUNT: "ResourceInfo.AIDetails.SelfHostedAIAgentToolsAndIdentityResourceCount",
    SELF_HOSTED_AI_DEVELOPMENT_RESOURCE_COUNT: "ResourceInfo.AIDetails.SelfHostedAIDevelopmentResourceCount",
    SELF_HOSTED_AI_EXTERNAL_ENDPOINT_RESOURCE_COUNT: "ResourceInfo.AIDetails.SelfHostedAIExternalEndpointResourceCount",
    SELF_HOSTED_AI_MODEL_RESOURCE_COUNT: "ResourceInfo.AIDetails.SelfHostedAIModelResourceCount",
    SELF_HOSTED_AI_MODEL_SERVING_RESOURCE_COUNT: "ResourceInfo.AIDetails.SelfHostedAIModelServingResourceCount",
    SELF_HOSTED_TOTAL_AI_RESOURCE_COUNT: "ResourceInfo.AIDetails.SelfHostedTotalAIResourceCount",
    SEVERITY_CRITICAL: "FindingsSummary.Severities.Critical",
    SEVERITY_FATAL: "FindingsSummary.Severities.Fatal",
    SEVERITY_HIGH: "FindingsSummary.Severities.High",
    SEVERITY_INFORMATIONAL: "FindingsSummary.Severities.Informational",
    SEVERITY_LOW: "FindingsSummary.Severities.Low",
    SEVERITY_MEDIUM: "FindingsSummary.Severities.Medium",
    SEVERITY_OTHER: "FindingsSummary.Severities.Other",
    SEVERITY_UNKNOWN: "FindingsSummary.Severities.Unknown",
    TOTAL_FINDINGS: "FindingsSummary.TotalFindings",
};
const ResourcesStringField = {
    ACCOUNT_ID: "AccountId",
    ACCOUNT_NAME: "AccountName",
    CANONICAL_ID: "ResourceInfo.AIDetails.CanonicalId",
    DISCOVERY_TYPE: "DiscoveryType",
    FINDING_TYPE: "FindingsSummary.FindingType",
    HOST_RESOURCE_GUID: "ResourceInfo.AIDetails.HostResourceGuid",
    HOST_RESOURCE_TYPE: "ResourceInfo.AIDetails.HostResourceType",
    PRODUCT_NAME: "FindingsSummary.ProductName",
    REGION: "Region",
    RESOURCE_CATEGORY: "ResourceCategory",
    RESOURCE_CLOUD_PARTITION: "ResourceCloudPartition",
    RESOURCE_GUID: "ResourceGuid",
    RESOURCE_ID: "ResourceId",
    RESOURCE_NAME: "ResourceName",
    RESOURCE_OWNER_ACCOUNT_ID: "ResourceOwnerAccountId",
    RESOURCE_OWNER_ORG_ID: "ResourceOwnerOrgId",
    RESOURCE_PROVIDER: "ResourceProvider",
    RESOURCE_REGION: "ResourceRegion",
    RESOURCE_SUB_CATEGORY: "ResourceSubCategory",
    RESOURCE_TYPE: "ResourceType",
};
const ResourceGroupByField = {
    ACCOUNT_ID: "AccountId",
    ACCOUNT_NAME: "AccountName",
    CANONICAL_ID: "ResourceInfo.AIDetails.CanonicalId",
    DISCOVERY_TYPE: "DiscoveryType",
    FINDING_TYPE: "FindingsSummary.FindingType",
    HOST_RESOURCE_TYPE: "ResourceInfo.AIDetails.HostResourceType",
    REGION: "Region",
    RESOURCE_CATEGORY: "ResourceCategory",
    RESOURCE_CLOUD_PARTITION: "ResourceCloudPartition",
    RESOURCE_NAME: "ResourceName",
    RESOURCE_OWNER_ACCOUNT_ID: "ResourceOwnerAccountId",
    RESOURCE_OWNER_ORG_ID: "ResourceOwnerOrgId",
    RESOURCE_PROVIDER: "ResourceProvider",
    RESOURCE_REGION: "ResourceRegion",
    RESOURCE_SUB_CATEGORY: "ResourceSubCategory",
    RESOURCE_TYPE: "ResourceType",
};
const ResourcesTrendsStringField = {
    ACCOUNT_ID: "account_id",
    REGION: "region",
    RESOURCE_CATEGORY: "resource_category",
    RESOURCE_CLOUD_PROVIDER: "resource_cloud_provider",
    RESOURCE_OWNER_ID: "resource_owner_id",
    RESOURCE_OWNER_ORGANIZATION_ID: "resource_owner_organization_id",
    RESOURCE_REGION: "resource_region",
    RESOURCE_TYPE: "resource_type",
};
const ResourceCategory = {
    AI_ML: "AI/ML",
    CODE: "Code",
    COMPUTE: "Compute",
    DATABASE: "Database",
    IDENTITY: "Identity",
    MESSAGING: "Messaging",
    NETWORK: "Network",
    OTHER: "Other",
    STORAGE: "Storage",
};
const ResourceSubCategory = {
    AGENT: "Agent",
    AGENT_FRAMEWORK: "AgentFramework",
    AGENT_TOOLS_AND_IDENTITY: "AgentToolsAndIdentity",
    DEVELOPMENT: "Development",
    EXTERNAL_ENDPOINT: "ExternalEndpoint",
    KNOWLEDGE_AND_DATA: "KnowledgeAndData",
    MODEL: "Model",
    MODEL_SERVING: "ModelServing",
    ORCHESTRATION_AND_PIPELINE: "OrchestrationAndPipeline",
    OTHER: "Other",
    SAFETY_AND_GUARDRAIL: "SafetyAndGuardrail",
};
const RegionAvailabilityStatus = {
    AVAILABLE: "AVAILABLE",
    UNAVAILABLE: "UNAVAILABLE",
};

exports.AIDetails$ = AIDetails$;
exports.AcceptAdministratorInvitation$ = AcceptAdministratorInvitation$;
exports.AcceptAdministratorInvitationCommand = AcceptAdministratorInvitationCommand;
exports.AcceptAdministratorInvitationRequest$ = AcceptAdministratorInvitationRequest$;
exports.AcceptAdministratorInvitationResponse$ = AcceptAdministratorInvitationResponse$;
exports.AcceptInvitation$ = AcceptInvitation$;
exports.AcceptInvitationCommand = AcceptInvitationCommand;
exports.AcceptInvitationRequest$ = AcceptInvitationRequest$;
exports.AcceptInvitationResponse$ = AcceptInvitationResponse$;
exports.AccessDeniedException = AccessDeniedException;
exports.AccessDeniedException$ = AccessDeniedException$;
exports.AccountDetails$ = AccountDetails$;
exports.AccountFreeTrialStatus$ = AccountFreeTrialStatus$;
exports.Action$ = Action$;
exports.ActionLocalIpDetails$ = ActionLocalIpDetails$;
exports.ActionLocalPortDetails$ = ActionLocalPortDetails$;
exports.ActionRemoteIpDetails$ = ActionRemoteIpDetails$;
exports.ActionRemotePortDetails$ = ActionRemotePortDetails$;
exports.ActionTarget$ = ActionTarget$;
exports.Actor$ = Actor$;
exports.ActorSession$ = ActorSession$;
exports.ActorSessionMfaStatus = ActorSessionMfaStatus;
exports.ActorUser$ = ActorUser$;
exports.Adjustment$ = Adjustment$;
exports.AdminAccount$ = AdminAccount$;
exports.AdminStatus = AdminStatus;
exports.AggregatorV2$ = AggregatorV2$;
exports.AllowedOperators = AllowedOperators;
exports.AssociatedStandard$ = AssociatedStandard$;
exports.AssociationFilters$ = AssociationFilters$;
exports.AssociationSetDetails$ = AssociationSetDetails$;
exports.AssociationStateDetails$ = AssociationStateDetails$;
exports.AssociationStatus = AssociationStatus;
exports.AssociationType = AssociationType;
exports.AutoEnableStandards = AutoEnableStandards;
exports.AutomationRulesAction$ = AutomationRulesAction$;
exports.AutomationRulesActionType = AutomationRulesActionType;
exports.AutomationRulesActionTypeObjectV2$ = AutomationRulesActionTypeObjectV2$;
exports.AutomationRulesActionTypeV2 = AutomationRulesActionTypeV2;
exports.AutomationRulesActionV2$ = AutomationRulesActionV2$;
exports.AutomationRulesConfig$ = AutomationRulesConfig$;
exports.AutomationRulesFindingFieldsUpdate$ = AutomationRulesFindingFieldsUpdate$;
exports.AutomationRulesFindingFieldsUpdateV2$ = AutomationRulesFindingFieldsUpdateV2$;
exports.AutomationRulesFindingFilters$ = AutomationRulesFindingFilters$;
exports.AutomationRulesMetadata$ = AutomationRulesMetadata$;
exports.AutomationRulesMetadataV2$ = AutomationRulesMetadataV2$;
exports.AvailabilityZone$ = AvailabilityZone$;
exports.AwsAmazonMqBrokerDetails$ = AwsAmazonMqBrokerDetails$;
exports.AwsAmazonMqBrokerEncryptionOptionsDetails$ = AwsAmazonMqBrokerEncryptionOptionsDetails$;
exports.AwsAmazonMqBrokerLdapServerMetadataDetails$ = AwsAmazonMqBrokerLdapServerMetadataDetails$;
exports.AwsAmazonMqBrokerLogsDetails$ = AwsAmazonMqBrokerLogsDetails$;
exports.AwsAmazonMqBrokerLogsPendingDetails$ = AwsAmazonMqBrokerLogsPendingDetails$;
exports.AwsAmazonMqBrokerMaintenanceWindowStartTimeDetails$ = AwsAmazonMqBrokerMaintenanceWindowStartTimeDetails$;
exports.AwsAmazonMqBrokerUsersDetails$ = AwsAmazonMqBrokerUsersDetails$;
exports.AwsApiCallAction$ = AwsApiCallAction$;
exports.AwsApiCallActionDomainDetails$ = AwsApiCallActionDomainDetails$;
exports.AwsApiGatewayAccessLogSettings$ = AwsApiGatewayAccessLogSettings$;
exports.AwsApiGatewayCanarySettings$ = AwsApiGatewayCanarySettings$;
exports.AwsApiGatewayEndpointConfiguration$ = AwsApiGatewayEndpointConfiguration$;
exports.AwsApiGatewayMethodSettings$ = AwsApiGatewayMethodSettings$;
exports.AwsApiGatewayRestApiDetails$ = AwsApiGatewayRestApiDetails$;
exports.AwsApiGatewayStageDetails$ = AwsApiGatewayStageDetails$;
exports.AwsApiGatewayV2ApiDetails$ = AwsApiGatewayV2ApiDetails$;
exports.AwsApiGatewayV2RouteSettings$ = AwsApiGatewayV2RouteSettings$;
exports.AwsApiGatewayV2StageDetails$ = AwsApiGatewayV2StageDetails$;
exports.AwsAppSyncGraphQlApiAdditionalAuthenticationProvidersDetails$ = AwsAppSyncGraphQlApiAdditionalAuthenticationProvidersDetails$;
exports.AwsAppSyncGraphQlApiDetails$ = AwsAppSyncGraphQlApiDetails$;
exports.AwsAppSyncGraphQlApiLambdaAuthorizerConfigDetails$ = AwsAppSyncGraphQlApiLambdaAuthorizerConfigDetails$;
exports.AwsAppSyncGraphQlApiLogConfigDetails$ = AwsAppSyncGraphQlApiLogConfigDetails$;
exports.AwsAppSyncGraphQlApiOpenIdConnectConfigDetails$ = AwsAppSyncGraphQlApiOpenIdConnectConfigDetails$;
exports.AwsAppSyncGraphQlApiUserPoolConfigDetails$ = AwsAppSyncGraphQlApiUserPoolConfigDetails$;
exports.AwsAthenaWorkGroupConfigurationDetails$ = AwsAthenaWorkGroupConfigurationDetails$;
exports.AwsAthenaWorkGroupConfigurationResultConfigurationDetails$ = AwsAthenaWorkGroupConfigurationResultConfigurationDetails$;
exports.AwsAthenaWorkGroupConfigurationResultConfigurationEncryptionConfigurationDetails$ = AwsAthenaWorkGroupConfigurationResultConfigurationEncryptionConfigurationDetails$;
exports.AwsAthenaWorkGroupDetails$ = AwsAthenaWorkGroupDetails$;
exports.AwsAutoScalingAutoScalingGroupAvailabilityZonesListDetails$ = AwsAutoScalingAutoScalingGroupAvailabilityZonesListDetails$;
exports.AwsAutoScalingAutoScalingGroupDetails$ = AwsAutoScalingAutoScalingGroupDetails$;
exports.AwsAutoScalingAutoScalingGroupLaunchTemplateLaunchTemplateSpecification$ = AwsAutoScalingAutoScalingGroupLaunchTemplateLaunchTemplateSpecification$;
exports.AwsAutoScalingAutoScalingGroupMixedInstancesPolicyDetails$ = AwsAutoScalingAutoScalingGroupMixedInstancesPolicyDetails$;
exports.AwsAutoScalingAutoScalingGroupMixedInstancesPolicyInstancesDistributionDetails$ = AwsAutoScalingAutoScalingGroupMixedInstancesPolicyInstancesDistributionDetails$;
exports.AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateDetails$ = AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateDetails$;
exports.AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecification$ = AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecification$;
exports.AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateOverridesListDetails$ = AwsAutoScalingAutoScalingGroupMixedInstancesPolicyLaunchTemplateOverridesListDetails$;
exports.AwsAutoScalingLaunchConfigurationBlockDeviceMappingsDetails$ = AwsAutoScalingLaunchConfigurationBlockDeviceMappingsDetails$;
exports.AwsAutoScalingLaunchConfigurationBlockDeviceMappingsEbsDetails$ = AwsAutoScalingLaunchConfigurationBlockDeviceMappingsEbsDetails$;
exports.AwsAutoScalingLaunchConfigurationDetails$ = AwsAutoScalingLaunchConfigurationDetails$;
exports.AwsAutoScalingLaunchConfigurationInstanceMonitoringDetails$ = AwsAutoScalingLaunchConfigurationInstanceMonitoringDetails$;
exports.AwsAutoScalingLaunchConfigurationMetadataOptions$ = AwsAutoScalingLaunchConfigurationMetadataOptions$;
exports.AwsBackupBackupPlanAdvancedBackupSettingsDetails$ = AwsBackupBackupPlanAdvancedBackupSettingsDetails$;
exports.AwsBackupBackupPlanBackupPlanDetails$ = AwsBackupBackupPlanBackupPlanDetails$;
exports.AwsBackupBackupPlanDetails$ = AwsBackupBackupPlanDetails$;
exports.AwsBackupBackupPlanLifecycleDetails$ = AwsBackupBackupPlanLifecycleDetails$;
exports.AwsBackupBackupPlanRuleCopyActionsDetails$ = AwsBackupBackupPlanRuleCopyActionsDetails$;
exports.AwsBackupBackupPlanRuleDetails$ = AwsBackupBackupPlanRuleDetails$;
exports.AwsBackupBackupVaultDetails$ = AwsBackupBackupVaultDetails$;
exports.AwsBackupBackupVaultNotificationsDetails$ = AwsBackupBackupVaultNotificationsDetails$;
exports.AwsBackupRecoveryPointCalculatedLifecycleDetails$ = AwsBackupRecoveryPointCalculatedLifecycleDetails$;
exports.AwsBackupRecoveryPointCreatedByDetails$ = AwsBackupRecoveryPointCreatedByDetails$;
exports.AwsBackupRecoveryPointDetails$ = AwsBackupRecoveryPointDetails$;
exports.AwsBackupRecoveryPointLifecycleDetails$ = AwsBackupRecoveryPointLifecycleDetails$;
exports.AwsCertificateManagerCertificateDetails$ = AwsCertificateManagerCertificateDetails$;
exports.AwsCertificateManagerCertificateDomainValidationOption$ = AwsCertificateManagerCertificateDomainValidationOption$;
exports.AwsCertificateManagerCertificateExtendedKeyUsage$ = AwsCertificateManagerCertificateExtendedKeyUsage$;
exports.AwsCertificateManagerCertificateKeyUsage$ = AwsCertificateManagerCertificateKeyUsage$;
exports.AwsCertificateManagerCertificateOptions$ = AwsCertificateManagerCertificateOptions$;
exports.AwsCertificateManagerCertificateRenewalSummary$ = AwsCertificateManagerCertificateRenewalSummary$;
exports.AwsCertificateManagerCertificateResourceRecord$ = AwsCertificateManagerCertificateResourceRecord$;
exports.AwsCloudFormationStackDetails$ = AwsCloudFormationStackDetails$;
exports.AwsCloudFormationStackDriftInformationDetails$ = AwsCloudFormationStackDriftInformationDetails$;
exports.AwsCloudFormationStackOutputsDetails$ = AwsCloudFormationStackOutputsDetails$;
exports.AwsCloudFrontDistributionCacheBehavior$ = AwsCloudFrontDistributionCacheBehavior$;
exports.AwsCloudFrontDistributionCacheBehaviors$ = AwsCloudFrontDistributionCacheBehaviors$;
exports.AwsCloudFrontDistributionDefaultCacheBehavior$ = AwsCloudFrontDistributionDefaultCacheBehavior$;
exports.AwsCloudFrontDistributionDetails$ = AwsCloudFrontDistributionDetails$;
exports.AwsCloudFrontDistributionLogging$ = AwsCloudFrontDistributionLogging$;
exports.AwsCloudFrontDistributionOriginCustomOriginConfig$ = AwsCloudFrontDistributionOriginCustomOriginConfig$;
exports.AwsCloudFrontDistributionOriginGroup$ = AwsCloudFrontDistributionOriginGroup$;
exports.AwsCloudFrontDistributionOriginGroupFailover$ = AwsCloudFrontDistributionOriginGroupFailover$;
exports.AwsCloudFrontDistributionOriginGroupFailoverStatusCodes$ = AwsCloudFrontDistributionOriginGroupFailoverStatusCodes$;
exports.AwsCloudFrontDistributionOriginGroups$ = AwsCloudFrontDistributionOriginGroups$;
exports.AwsCloudFrontDistributionOriginItem$ = AwsCloudFrontDistributionOriginItem$;
exports.AwsCloudFrontDistributionOriginS3OriginConfig$ = AwsCloudFrontDistributionOriginS3OriginConfig$;
exports.AwsCloudFrontDistributionOriginSslProtocols$ = AwsCloudFrontDistributionOriginSslProtocols$;
exports.AwsCloudFrontDistributionOrigins$ = AwsCloudFrontDistributionOrigins$;
exports.AwsCloudFrontDistributionViewerCertificate$ = AwsCloudFrontDistributionViewerCertificate$;
exports.AwsCloudTrailTrailDetails$ = AwsCloudTrailTrailDetails$;
exports.AwsCloudWatchAlarmDetails$ = AwsCloudWatchAlarmDetails$;
exports.AwsCloudWatchAlarmDimensionsDetails$ = AwsCloudWatchAlarmDimensionsDetails$;
exports.AwsCodeBuildProjectArtifactsDetails$ = AwsCodeBuildProjectArtifactsDetails$;
exports.AwsCodeBuildProjectDetails$ = AwsCodeBuildProjectDetails$;
exports.AwsCodeBuildProjectEnvironment$ = AwsCodeBuildProjectEnvironment$;
exports.AwsCodeBuildProjectEnvironmentEnvironmentVariablesDetails$ = AwsCodeBuildProjectEnvironmentEnvironmentVariablesDetails$;
exports.AwsCodeBuildProjectEnvironmentRegistryCredential$ = AwsCodeBuildProjectEnvironmentRegistryCredential$;
exports.AwsCodeBuildProjectLogsConfigCloudWatchLogsDetails$ = AwsCodeBuildProjectLogsConfigCloudWatchLogsDetails$;
exports.AwsCodeBuildProjectLogsConfigDetails$ = AwsCodeBuildProjectLogsConfigDetails$;
exports.AwsCodeBuildProjectLogsConfigS3LogsDetails$ = AwsCodeBuildProjectLogsConfigS3LogsDetails$;
exports.AwsCodeBuildProjectSource$ = AwsCodeBuildProjectSource$;
exports.AwsCodeBuildProjectVpcConfig$ = AwsCodeBuildProjectVpcConfig$;
exports.AwsCorsConfiguration$ = AwsCorsConfiguration$;
exports.AwsDmsEndpointDetails$ = AwsDmsEndpointDetails$;
exports.AwsDmsReplicationInstanceDetails$ = AwsDmsReplicationInstanceDetails$;
exports.AwsDmsReplicationInstanceReplicationSubnetGroupDetails$ = AwsDmsReplicationInstanceReplicationSubnetGroupDetails$;
exports.AwsDmsReplicationInstanceVpcSecurityGroupsDetails$ = AwsDmsReplicationInstanceVpcSecurityGroupsDetails$;
exports.AwsDmsReplicationTaskDetails$ = AwsDmsReplicationTaskDetails$;
exports.AwsDynamoDbTableAttributeDefinition$ = AwsDynamoDbTableAttributeDefinition$;
exports.AwsDynamoDbTableBillingModeSummary$ = AwsDynamoDbTableBillingModeSummary$;
exports.AwsDynamoDbTableDetails$ = AwsDynamoDbTableDetails$;
exports.AwsDynamoDbTableGlobalSecondaryIndex$ = AwsDynamoDbTableGlobalSecondaryIndex$;
exports.AwsDynamoDbTableKeySchema$ = AwsDynamoDbTableKeySchema$;
exports.AwsDynamoDbTableLocalSecondaryIndex$ = AwsDynamoDbTableLocalSecondaryIndex$;
exports.AwsDynamoDbTableProjection$ = AwsDynamoDbTableProjection$;
exports.AwsDynamoDbTableProvisionedThroughput$ = AwsDynamoDbTableProvisionedThroughput$;
exports.AwsDynamoDbTableProvisionedThroughputOverride$ = AwsDynamoDbTableProvisionedThroughputOverride$;
exports.AwsDynamoDbTableReplica$ = AwsDynamoDbTableReplica$;
exports.AwsDynamoDbTableReplicaGlobalSecondaryIndex$ = AwsDynamoDbTableReplicaGlobalSecondaryIndex$;
exports.AwsDynamoDbTableRestoreSummary$ = AwsDynamoDbTableRestoreSummary$;
exports.AwsDynamoDbTableSseDescription$ = AwsDynamoDbTableSseDescription$;
exports.AwsDynamoDbTableStreamSpecification$ = AwsDynamoDbTableStreamSpecification$;
exports.AwsEc2ClientVpnEndpointAuthenticationOptionsActiveDirectoryDetails$ = AwsEc2ClientVpnEndpointAuthenticationOptionsActiveDirectoryDetails$;
exports.AwsEc2ClientVpnEndpointAuthenticationOptionsDetails$ = AwsEc2ClientVpnEndpointAuthenticationOptionsDetails$;
exports.AwsEc2ClientVpnEndpointAuthenticationOptionsFederatedAuthenticationDetails$ = AwsEc2ClientVpnEndpointAuthenticationOptionsFederatedAuthenticationDetails$;
exports.AwsEc2ClientVpnEndpointAuthenticationOptionsMutualAuthenticationDetails$ = AwsEc2ClientVpnEndpointAuthenticationOptionsMutualAuthenticationDetails$;
exports.AwsEc2ClientVpnEndpointClientConnectOptionsDetails$ = AwsEc2ClientVpnEndpointClientConnectOptionsDetails$;
exports.AwsEc2ClientVpnEndpointClientConnectOptionsStatusDetails$ = AwsEc2ClientVpnEndpointClientConnectOptionsStatusDetails$;
exports.AwsEc2ClientVpnEndpointClientLoginBannerOptionsDetails$ = AwsEc2ClientVpnEndpointClientLoginBannerOptionsDetails$;
exports.AwsEc2ClientVpnEndpointConnectionLogOptionsDetails$ = AwsEc2ClientVpnEndpointConnectionLogOptionsDetails$;
exports.AwsEc2ClientVpnEndpointDetails$ = AwsEc2ClientVpnEndpointDetails$;
exports.AwsEc2EipDetails$ = AwsEc2EipDetails$;
exports.AwsEc2InstanceDetails$ = AwsEc2InstanceDetails$;
exports.AwsEc2InstanceMetadataOptions$ = AwsEc2InstanceMetadataOptions$;
exports.AwsEc2InstanceMonitoringDetails$ = AwsEc2InstanceMonitoringDetails$;
exports.AwsEc2InstanceNetworkInterfacesDetails$ = AwsEc2InstanceNetworkInterfacesDetails$;
exports.AwsEc2LaunchTemplateDataBlockDeviceMappingSetDetails$ = AwsEc2LaunchTemplateDataBlockDeviceMappingSetDetails$;
exports.AwsEc2LaunchTemplateDataBlockDeviceMappingSetEbsDetails$ = AwsEc2LaunchTemplateDataBlockDeviceMappingSetEbsDetails$;
exports.AwsEc2LaunchTemplateDataCapacityReservationSpecificationCapacityReservationTargetDetails$ = AwsEc2LaunchTemplateDataCapacityReservationSpecificationCapacityReservationTargetDetails$;
exports.AwsEc2LaunchTemplateDataCapacityReservationSpecificationDetails$ = AwsEc2LaunchTemplateDataCapacityReservationSpecificationDetails$;
exports.AwsEc2LaunchTemplateDataCpuOptionsDetails$ = AwsEc2LaunchTemplateDataCpuOptionsDetails$;
exports.AwsEc2LaunchTemplateDataCreditSpecificationDetails$ = AwsEc2LaunchTemplateDataCreditSpecificationDetails$;
exports.AwsEc2LaunchTemplateDataDetails$ = AwsEc2LaunchTemplateDataDetails$;
exports.AwsEc2LaunchTemplateDataElasticGpuSpecificationSetDetails$ = AwsEc2LaunchTemplateDataElasticGpuSpecificationSetDetails$;
exports.AwsEc2LaunchTemplateDataElasticInferenceAcceleratorSetDetails$ = AwsEc2LaunchTemplateDataElasticInferenceAcceleratorSetDetails$;
exports.AwsEc2LaunchTemplateDataEnclaveOptionsDetails$ = AwsEc2LaunchTemplateDataEnclaveOptionsDetails$;
exports.AwsEc2LaunchTemplateDataHibernationOptionsDetails$ = AwsEc2LaunchTemplateDataHibernationOptionsDetails$;
exports.AwsEc2LaunchTemplateDataIamInstanceProfileDetails$ = AwsEc2LaunchTemplateDataIamInstanceProfileDetails$;
exports.AwsEc2LaunchTemplateDataInstanceMarketOptionsDetails$ = AwsEc2LaunchTemplateDataInstanceMarketOptionsDetails$;
exports.AwsEc2LaunchTemplateDataInstanceMarketOptionsSpotOptionsDetails$ = AwsEc2LaunchTemplateDataInstanceMarketOptionsSpotOptionsDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorCountDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorCountDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorTotalMemoryMiBDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsAcceleratorTotalMemoryMiBDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsBaselineEbsBandwidthMbpsDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsBaselineEbsBandwidthMbpsDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsMemoryGiBPerVCpuDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsMemoryGiBPerVCpuDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsMemoryMiBDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsMemoryMiBDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsNetworkInterfaceCountDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsNetworkInterfaceCountDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsTotalLocalStorageGBDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsTotalLocalStorageGBDetails$;
exports.AwsEc2LaunchTemplateDataInstanceRequirementsVCpuCountDetails$ = AwsEc2LaunchTemplateDataInstanceRequirementsVCpuCountDetails$;
exports.AwsEc2LaunchTemplateDataLicenseSetDetails$ = AwsEc2LaunchTemplateDataLicenseSetDetails$;
exports.AwsEc2LaunchTemplateDataMaintenanceOptionsDetails$ = AwsEc2LaunchTemplateDataMaintenanceOptionsDetails$;
exports.AwsEc2LaunchTemplateDataMetadataOptionsDetails$ = AwsEc2LaunchTemplateDataMetadataOptionsDetails$;
exports.AwsEc2LaunchTemplateDataMonitoringDetails$ = AwsEc2LaunchTemplateDataMonitoringDetails$;
exports.AwsEc2LaunchTemplateDataNetworkInterfaceSetDetails$ = AwsEc2LaunchTemplateDataNetworkInterfaceSetDetails$;
exports.AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv4PrefixesDetails$ = AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv4PrefixesDetails$;
exports.AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6AddressesDetails$ = AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6AddressesDetails$;
exports.AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6PrefixesDetails$ = AwsEc2LaunchTemplateDataNetworkInterfaceSetIpv6PrefixesDetails$;
exports.AwsEc2LaunchTemplateDataNetworkInterfaceSetPrivateIpAddressesDetails$ = AwsEc2LaunchTemplateDataNetworkInterfaceSetPrivateIpAddressesDetails$;
exports.AwsEc2LaunchTemplateDataPlacementDetails$ = AwsEc2LaunchTemplateDataPlacementDetails$;
exports.AwsEc2LaunchTemplateDataPrivateDnsNameOptionsDetails$ = AwsEc2LaunchTemplateDataPrivateDnsNameOptionsDetails$;
exports.AwsEc2LaunchTemplateDetails$ = AwsEc2LaunchTemplateDetails$;
exports.AwsEc2NetworkAclAssociation$ = AwsEc2NetworkAclAssociation$;
exports.AwsEc2NetworkAclDetails$ = AwsEc2NetworkAclDetails$;
exports.AwsEc2NetworkAclEntry$ = AwsEc2NetworkAclEntry$;
exports.AwsEc2NetworkInterfaceAttachment$ = AwsEc2NetworkInterfaceAttachment$;
exports.AwsEc2NetworkInterfaceDetails$ = AwsEc2NetworkInterfaceDetails$;
exports.AwsEc2NetworkInterfaceIpV6AddressDetail$ = AwsEc2NetworkInterfaceIpV6AddressDetail$;
exports.AwsEc2NetworkInterfacePrivateIpAddressDetail$ = AwsEc2NetworkInterfacePrivateIpAddressDetail$;
exports.AwsEc2NetworkInterfaceSecurityGroup$ = AwsEc2NetworkInterfaceSecurityGroup$;
exports.AwsEc2RouteTableDetails$ = AwsEc2RouteTableDetails$;
exports.AwsEc2SecurityGroupDetails$ = AwsEc2SecurityGroupDetails$;
exports.AwsEc2SecurityGroupIpPermission$ = AwsEc2SecurityGroupIpPermission$;
exports.AwsEc2SecurityGroupIpRange$ = AwsEc2SecurityGroupIpRange$;
exports.AwsEc2SecurityGroupIpv6Range$ = AwsEc2SecurityGroupIpv6Range$;
exports.AwsEc2SecurityGroupPrefixListId$ = AwsEc2SecurityGroupPrefixListId$;
exports.AwsEc2SecurityGroupUserIdGroupPair$ = AwsEc2SecurityGroupUserIdGroupPair$;
exports.AwsEc2SubnetDetails$ = AwsEc2SubnetDetails$;
exports.AwsEc2TransitGatewayDetails$ = AwsEc2TransitGatewayDetails$;
exports.AwsEc2VolumeAttachment$ = AwsEc2VolumeAttachment$;
exports.AwsEc2VolumeDetails$ = AwsEc2VolumeDetails$;
exports.AwsEc2VpcDetails$ = AwsEc2VpcDetails$;
exports.AwsEc2VpcEndpointServiceDetails$ = AwsEc2VpcEndpointServiceDetails$;
exports.AwsEc2VpcEndpointServiceServiceTypeDetails$ = AwsEc2VpcEndpointServiceServiceTypeDetails$;
exports.AwsEc2VpcPeeringConnectionDetails$ = AwsEc2VpcPeeringConnectionDetails$;
exports.AwsEc2VpcPeeringConnectionStatusDetails$ = AwsEc2VpcPeeringConnectionStatusDetails$;
exports.AwsEc2VpcPeeringConnectionVpcInfoDetails$ = AwsEc2VpcPeeringConnectionVpcInfoDetails$;
exports.AwsEc2VpnConnectionDetails$ = AwsEc2VpnConnectionDetails$;
exports.AwsEc2VpnConnectionOptionsDetails$ = AwsEc2VpnConnectionOptionsDetails$;
exports.AwsEc2VpnConnectionOptionsTunnelOptionsDetails$ = AwsEc2VpnConnectionOptionsTunnelOptionsDetails$;
exports.AwsEc2VpnConnectionRoutesDetails$ = AwsEc2VpnConnectionRoutesDetails$;
exports.AwsEc2VpnConnectionVgwTelemetryDetails$ = AwsEc2VpnConnectionVgwTelemetryDetails$;
exports.AwsEcrContainerImageDetails$ = AwsEcrContainerImageDetails$;
exports.AwsEcrRepositoryDetails$ = AwsEcrRepositoryDetails$;
exports.AwsEcrRepositoryImageScanningConfigurationDetails$ = AwsEcrRepositoryImageScanningConfigurationDetails$;
exports.AwsEcrRepositoryLifecyclePolicyDetails$ = AwsEcrRepositoryLifecyclePolicyDetails$;
exports.AwsEcsClusterClusterSettingsDetails$ = AwsEcsClusterClusterSettingsDetails$;
exports.AwsEcsClusterConfigurationDetails$ = AwsEcsClusterConfigurationDetails$;
exports.AwsEcsClusterConfigurationExecuteCommandConfigurationDetails$ = AwsEcsClusterConfigurationExecuteCommandConfigurationDetails$;
exports.AwsEcsClusterConfigurationExecuteCommandConfigurationLogConfigurationDetails$ = AwsEcsClusterConfigurationExecuteCommandConfigurationLogConfigurationDetails$;
exports.AwsEcsClusterDefaultCapacityProviderStrategyDetails$ = AwsEcsClusterDefaultCapacityProviderStrategyDetails$;
exports.AwsEcsClusterDetails$ = AwsEcsClusterDetails$;
exports.AwsEcsContainerDetails$ = AwsEcsContainerDetails$;
exports.AwsEcsServiceCapacityProviderStrategyDetails$ = AwsEcsServiceCapacityProviderStrategyDetails$;
exports.AwsEcsServiceDeploymentConfigurationDeploymentCircuitBreakerDetails$ = AwsEcsServiceDeploymentConfigurationDeploymentCircuitBreakerDetails$;
exports.AwsEcsServiceDeploymentConfigurationDetails$ = AwsEcsServiceDeploymentConfigurationDetails$;
exports.AwsEcsServiceDeploymentControllerDetails$ = AwsEcsServiceDeploymentControllerDetails$;
exports.AwsEcsServiceDetails$ = AwsEcsServiceDetails$;
exports.AwsEcsServiceLoadBalancersDetails$ = AwsEcsServiceLoadBalancersDetails$;
exports.AwsEcsServiceNetworkConfigurationAwsVpcConfigurationDetails$ = AwsEcsServiceNetworkConfigurationAwsVpcConfigurationDetails$;
exports.AwsEcsServiceNetworkConfigurationDetails$ = AwsEcsServiceNetworkConfigurationDetails$;
exports.AwsEcsServicePlacementConstraintsDetails$ = AwsEcsServicePlacementConstraintsDetails$;
exports.AwsEcsServicePlacementStrategiesDetails$ = AwsEcsServicePlacementStrategiesDetails$;
exports.AwsEcsServiceServiceRegistriesDetails$ = AwsEcsServiceServiceRegistriesDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsDependsOnDetails$ = AwsEcsTaskDefinitionContainerDefinitionsDependsOnDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsEnvironmentDetails$ = AwsEcsTaskDefinitionContainerDefinitionsEnvironmentDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsEnvironmentFilesDetails$ = AwsEcsTaskDefinitionContainerDefinitionsEnvironmentFilesDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsExtraHostsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsExtraHostsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsFirelensConfigurationDetails$ = AwsEcsTaskDefinitionContainerDefinitionsFirelensConfigurationDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsHealthCheckDetails$ = AwsEcsTaskDefinitionContainerDefinitionsHealthCheckDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersCapabilitiesDetails$ = AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersCapabilitiesDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDetails$ = AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDevicesDetails$ = AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersDevicesDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersTmpfsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsLinuxParametersTmpfsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationDetails$ = AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationSecretOptionsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsLogConfigurationSecretOptionsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsMountPointsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsMountPointsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsPortMappingsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsPortMappingsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsRepositoryCredentialsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsRepositoryCredentialsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsResourceRequirementsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsResourceRequirementsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsSecretsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsSecretsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsSystemControlsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsSystemControlsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsUlimitsDetails$ = AwsEcsTaskDefinitionContainerDefinitionsUlimitsDetails$;
exports.AwsEcsTaskDefinitionContainerDefinitionsVolumesFromDetails$ = AwsEcsTaskDefinitionContainerDefinitionsVolumesFromDetails$;
exports.AwsEcsTaskDefinitionDetails$ = AwsEcsTaskDefinitionDetails$;
exports.AwsEcsTaskDefinitionInferenceAcceleratorsDetails$ = AwsEcsTaskDefinitionInferenceAcceleratorsDetails$;
exports.AwsEcsTaskDefinitionPlacementConstraintsDetails$ = AwsEcsTaskDefinitionPlacementConstraintsDetails$;
exports.AwsEcsTaskDefinitionProxyConfigurationDetails$ = AwsEcsTaskDefinitionProxyConfigurationDetails$;
exports.AwsEcsTaskDefinitionProxyConfigurationProxyConfigurationPropertiesDetails$ = AwsEcsTaskDefinitionProxyConfigurationProxyConfigurationPropertiesDetails$;
exports.AwsEcsTaskDefinitionVolumesDetails$ = AwsEcsTaskDefinitionVolumesDetails$;
exports.AwsEcsTaskDefinitionVolumesDockerVolumeConfigurationDetails$ = AwsEcsTaskDefinitionVolumesDockerVolumeConfigurationDetails$;
exports.AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationAuthorizationConfigDetails$ = AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationAuthorizationConfigDetails$;
exports.AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationDetails$ = AwsEcsTaskDefinitionVolumesEfsVolumeConfigurationDetails$;
exports.AwsEcsTaskDefinitionVolumesHostDetails$ = AwsEcsTaskDefinitionVolumesHostDetails$;
exports.AwsEcsTaskDetails$ = AwsEcsTaskDetails$;
exports.AwsEcsTaskVolumeDetails$ = AwsEcsTaskVolumeDetails$;
exports.AwsEcsTaskVolumeHostDetails$ = AwsEcsTaskVolumeHostDetails$;
exports.AwsEfsAccessPointDetails$ = AwsEfsAccessPointDetails$;
exports.AwsEfsAccessPointPosixUserDetails$ = AwsEfsAccessPointPosixUserDetails$;
exports.AwsEfsAccessPointRootDirectoryCreationInfoDetails$ = AwsEfsAccessPointRootDirectoryCreationInfoDetails$;
exports.AwsEfsAccessPointRootDirectoryDetails$ = AwsEfsAccessPointRootDirectoryDetails$;
exports.AwsEksClusterDetails$ = AwsEksClusterDetails$;
exports.AwsEksClusterLoggingClusterLoggingDetails$ = AwsEksClusterLoggingClusterLoggingDetails$;
exports.AwsEksClusterLoggingDetails$ = AwsEksClusterLoggingDetails$;
exports.AwsEksClusterResourcesVpcConfigDetails$ = AwsEksClusterResourcesVpcConfigDetails$;
exports.AwsElasticBeanstalkEnvironmentDetails$ = AwsElasticBeanstalkEnvironmentDetails$;
exports.AwsElasticBeanstalkEnvironmentEnvironmentLink$ = AwsElasticBeanstalkEnvironmentEnvironmentLink$;
exports.AwsElasticBeanstalkEnvironmentOptionSetting$ = AwsElasticBeanstalkEnvironmentOptionSetting$;
exports.AwsElasticBeanstalkEnvironmentTier$ = AwsElasticBeanstalkEnvironmentTier$;
exports.AwsElasticsearchDomainDetails$ = AwsElasticsearchDomainDetails$;
exports.AwsElasticsearchDomainDomainEndpointOptions$ = AwsElasticsearchDomainDomainEndpointOptions$;
exports.AwsElasticsearchDomainElasticsearchClusterConfigDetails$ = AwsElasticsearchDomainElasticsearchClusterConfigDetails$;
exports.AwsElasticsearchDomainElasticsearchClusterConfigZoneAwarenessConfigDetails$ = AwsElasticsearchDomainElasticsearchClusterConfigZoneAwarenessConfigDetails$;
exports.AwsElasticsearchDomainEncryptionAtRestOptions$ = AwsElasticsearchDomainEncryptionAtRestOptions$;
exports.AwsElasticsearchDomainLogPublishingOptions$ = AwsElasticsearchDomainLogPublishingOptions$;
exports.AwsElasticsearchDomainLogPublishingOptionsLogConfig$ = AwsElasticsearchDomainLogPublishingOptionsLogConfig$;
exports.AwsElasticsearchDomainNodeToNodeEncryptionOptions$ = AwsElasticsearchDomainNodeToNodeEncryptionOptions$;
exports.AwsElasticsearchDomainServiceSoftwareOptions$ = AwsElasticsearchDomainServiceSoftwareOptions$;
exports.AwsElasticsearchDomainVPCOptions$ = AwsElasticsearchDomainVPCOptions$;
exports.AwsElbAppCookieStickinessPolicy$ = AwsElbAppCookieStickinessPolicy$;
exports.AwsElbLbCookieStickinessPolicy$ = AwsElbLbCookieStickinessPolicy$;
exports.AwsElbLoadBalancerAccessLog$ = AwsElbLoadBalancerAccessLog$;
exports.AwsElbLoadBalancerAdditionalAttribute$ = AwsElbLoadBalancerAdditionalAttribute$;
exports.AwsElbLoadBalancerAttributes$ = AwsElbLoadBalancerAttributes$;
exports.AwsElbLoadBalancerBackendServerDescription$ = AwsElbLoadBalancerBackendServerDescription$;
exports.AwsElbLoadBalancerConnectionDraining$ = AwsElbLoadBalancerConnectionDraining$;
exports.AwsElbLoadBalancerConnectionSettings$ = AwsElbLoadBalancerConnectionSettings$;
exports.AwsElbLoadBalancerCrossZoneLoadBalancing$ = AwsElbLoadBalancerCrossZoneLoadBalancing$;
exports.AwsElbLoadBalancerDetails$ = AwsElbLoadBalancerDetails$;
exports.AwsElbLoadBalancerHealthCheck$ = AwsElbLoadBalancerHealthCheck$;
exports.AwsElbLoadBalancerInstance$ = AwsElbLoadBalancerInstance$;
exports.AwsElbLoadBalancerListener$ = AwsElbLoadBalancerListener$;
exports.AwsElbLoadBalancerListenerDescription$ = AwsElbLoadBalancerListenerDescription$;
exports.AwsElbLoadBalancerPolicies$ = AwsElbLoadBalancerPolicies$;
exports.AwsElbLoadBalancerSourceSecurityGroup$ = AwsElbLoadBalancerSourceSecurityGroup$;
exports.AwsElbv2LoadBalancerAttribute$ = AwsElbv2LoadBalancerAttribute$;
exports.AwsElbv2LoadBalancerDetails$ = AwsElbv2LoadBalancerDetails$;
exports.AwsEventSchemasRegistryDetails$ = AwsEventSchemasRegistryDetails$;
exports.AwsEventsEndpointDetails$ = AwsEventsEndpointDetails$;
exports.AwsEventsEndpointEventBusesDetails$ = AwsEventsEndpointEventBusesDetails$;
exports.AwsEventsEndpointReplicationConfigDetails$ = AwsEventsEndpointReplicationConfigDetails$;
exports.AwsEventsEndpointRoutingConfigDetails$ = AwsEventsEndpointRoutingConfigDetails$;
exports.AwsEventsEndpointRoutingConfigFailoverConfigDetails$ = AwsEventsEndpointRoutingConfigFailoverConfigDetails$;
exports.AwsEventsEndpointRoutingConfigFailoverConfigPrimaryDetails$ = AwsEventsEndpointRoutingConfigFailoverConfigPrimaryDetails$;
exports.AwsEventsEndpointRoutingConfigFailoverConfigSecondaryDetails$ = AwsEventsEndpointRoutingConfigFailoverConfigSecondaryDetails$;
exports.AwsEventsEventbusDetails$ = AwsEventsEventbusDetails$;
exports.AwsGuardDutyDetectorDataSourcesCloudTrailDetails$ = AwsGuardDutyDetectorDataSourcesCloudTrailDetails$;
exports.AwsGuardDutyDetectorDataSourcesDetails$ = AwsGuardDutyDetectorDataSourcesDetails$;
exports.AwsGuardDutyDetectorDataSourcesDnsLogsDetails$ = AwsGuardDutyDetectorDataSourcesDnsLogsDetails$;
exports.AwsGuardDutyDetectorDataSourcesFlowLogsDetails$ = AwsGuardDutyDetectorDataSourcesFlowLogsDetails$;
exports.AwsGuardDutyDetectorDataSourcesKubernetesAuditLogsDetails$ = AwsGuardDutyDetectorDataSourcesKubernetesAuditLogsDetails$;
exports.AwsGuardDutyDetectorDataSourcesKubernetesDetails$ = AwsGuardDutyDetectorDataSourcesKubernetesDetails$;
exports.AwsGuardDutyDetectorDataSourcesMalwareProtectionDetails$ = AwsGuardDutyDetectorDataSourcesMalwareProtectionDetails$;
exports.AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsDetails$ = AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsDetails$;
exports.AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsEbsVolumesDetails$ = AwsGuardDutyDetectorDataSourcesMalwareProtectionScanEc2InstanceWithFindingsEbsVolumesDetails$;
exports.AwsGuardDutyDetectorDataSourcesS3LogsDetails$ = AwsGuardDutyDetectorDataSourcesS3LogsDetails$;
exports.AwsGuardDutyDetectorDetails$ = AwsGuardDutyDetectorDetails$;
exports.AwsGuardDutyDetectorFeaturesDetails$ = AwsGuardDutyDetectorFeaturesDetails$;
exports.AwsIamAccessKeyDetails$ = AwsIamAccessKeyDetails$;
exports.AwsIamAccessKeySessionContext$ = AwsIamAccessKeySessionContext$;
exports.AwsIamAccessKeySessionContextAttributes$ = AwsIamAccessKeySessionContextAttributes$;
exports.AwsIamAccessKeySessionContextSessionIssuer$ = AwsIamAccessKeySessionContextSessionIssuer$;
exports.AwsIamAccessKeyStatus = AwsIamAccessKeyStatus;
exports.AwsIamAttachedManagedPolicy$ = AwsIamAttachedManagedPolicy$;
exports.AwsIamGroupDetails$ = AwsIamGroupDetails$;
exports.AwsIamGroupPolicy$ = AwsIamGroupPolicy$;
exports.AwsIamInstanceProfile$ = AwsIamInstanceProfile$;
exports.AwsIamInstanceProfileRole$ = AwsIamInstanceProfileRole$;
exports.AwsIamPermissionsBoundary$ = AwsIamPermissionsBoundary$;
exports.AwsIamPolicyDetails$ = AwsIamPolicyDetails$;
exports.AwsIamPolicyVersion$ = AwsIamPolicyVersion$;
exports.AwsIamRoleDetails$ = AwsIamRoleDetails$;
exports.AwsIamRolePolicy$ = AwsIamRolePolicy$;
exports.AwsIamUserDetails$ = AwsIamUserDetails$;
exports.AwsIamUserPolicy$ = AwsIamUserPolicy$;
exports.AwsKinesisStreamDetails$ = AwsKinesisStreamDetails$;
exports.AwsKinesisStreamStreamEncryptionDetails$ = AwsKinesisStreamStreamEncryptionDetails$;
exports.AwsKmsKeyDetails$ = AwsKmsKeyDetails$;
exports.AwsLambdaFunctionCode$ = AwsLambdaFunctionCode$;
exports.AwsLambdaFunctionDeadLetterConfig$ = AwsLambdaFunctionDeadLetterConfig$;
exports.AwsLambdaFunctionDetails$ = AwsLambdaFunctionDetails$;
exports.AwsLambdaFunctionEnvironment$ = AwsLambdaFunctionEnvironment$;
exports.AwsLambdaFunctionEnvironmentError$ = AwsLambdaFunctionEnvironmentError$;
exports.AwsLambdaFunctionLayer$ = AwsLambdaFunctionLayer$;
exports.AwsLambdaFunctionTracingConfig$ = AwsLambdaFunctionTracingConfig$;
exports.AwsLambdaFunctionVpcConfig$ = AwsLambdaFunctionVpcConfig$;
exports.AwsLambdaLayerVersionDetails$ = AwsLambdaLayerVersionDetails$;
exports.AwsMountPoint$ = AwsMountPoint$;
exports.AwsMskClusterClusterInfoClientAuthenticationDetails$ = AwsMskClusterClusterInfoClientAuthenticationDetails$;
exports.AwsMskClusterClusterInfoClientAuthenticationSaslDetails$ = AwsMskClusterClusterInfoClientAuthenticationSaslDetails$;
exports.AwsMskClusterClusterInfoClientAuthenticationSaslIamDetails$ = AwsMskClusterClusterInfoClientAuthenticationSaslIamDetails$;
exports.AwsMskClusterClusterInfoClientAuthenticationSaslScramDetails$ = AwsMskClusterClusterInfoClientAuthenticationSaslScramDetails$;
exports.AwsMskClusterClusterInfoClientAuthenticationTlsDetails$ = AwsMskClusterClusterInfoClientAuthenticationTlsDetails$;
exports.AwsMskClusterClusterInfoClientAuthenticationUnauthenticatedDetails$ = AwsMskClusterClusterInfoClientAuthenticationUnauthenticatedDetails$;
exports.AwsMskClusterClusterInfoDetails$ = AwsMskClusterClusterInfoDetails$;
exports.AwsMskClusterClusterInfoEncryptionInfoDetails$ = AwsMskClusterClusterInfoEncryptionInfoDetails$;
exports.AwsMskClusterClusterInfoEncryptionInfoEncryptionAtRestDetails$ = AwsMskClusterClusterInfoEncryptionInfoEncryptionAtRestDetails$;
exports.AwsMskClusterClusterInfoEncryptionInfoEncryptionInTransitDetails$ = AwsMskClusterClusterInfoEncryptionInfoEncryptionInTransitDetails$;
exports.AwsMskClusterDetails$ = AwsMskClusterDetails$;
exports.AwsNetworkFirewallFirewallDetails$ = AwsNetworkFirewallFirewallDetails$;
exports.AwsNetworkFirewallFirewallPolicyDetails$ = AwsNetworkFirewallFirewallPolicyDetails$;
exports.AwsNetworkFirewallFirewallSubnetMappingsDetails$ = AwsNetworkFirewallFirewallSubnetMappingsDetails$;
exports.AwsNetworkFirewallRuleGroupDetails$ = AwsNetworkFirewallRuleGroupDetails$;
exports.AwsOpenSearchServiceDomainAdvancedSecurityOptionsDetails$ = AwsOpenSearchServiceDomainAdvancedSecurityOptionsDetails$;
exports.AwsOpenSearchServiceDomainClusterConfigDetails$ = AwsOpenSearchServiceDomainClusterConfigDetails$;
exports.AwsOpenSearchServiceDomainClusterConfigZoneAwarenessConfigDetails$ = AwsOpenSearchServiceDomainClusterConfigZoneAwarenessConfigDetails$;
exports.AwsOpenSearchServiceDomainDetails$ = AwsOpenSearchServiceDomainDetails$;
exports.AwsOpenSearchServiceDomainDomainEndpointOptionsDetails$ = AwsOpenSearchServiceDomainDomainEndpointOptionsDetails$;
exports.AwsOpenSearchServiceDomainEncryptionAtRestOptionsDetails$ = AwsOpenSearchServiceDomainEncryptionAtRestOptionsDetails$;
exports.AwsOpenSearchServiceDomainLogPublishingOption$ = AwsOpenSearchServiceDomainLogPublishingOption$;
exports.AwsOpenSearchServiceDomainLogPublishingOptionsDetails$ = AwsOpenSearchServiceDomainLogPublishingOptionsDetails$;
exports.AwsOpenSearchServiceDomainMasterUserOptionsDetails$ = AwsOpenSearchServiceDomainMasterUserOptionsDetails$;
exports.AwsOpenSearchServiceDomainNodeToNodeEncryptionOptionsDetails$ = AwsOpenSearchServiceDomainNodeToNodeEncryptionOptionsDetails$;
exports.AwsOpenSearchServiceDomainServiceSoftwareOptionsDetails$ = AwsOpenSearchServiceDomainServiceSoftwareOptionsDetails$;
exports.AwsOpenSearchServiceDomainVpcOptionsDetails$ = AwsOpenSearchServiceDomainVpcOptionsDetails$;
exports.AwsOrganizationScope$ = AwsOrganizationScope$;
exports.AwsRdsDbClusterAssociatedRole$ = AwsRdsDbClusterAssociatedRole$;
exports.AwsRdsDbClusterDetails$ = AwsRdsDbClusterDetails$;
exports.AwsRdsDbClusterMember$ = AwsRdsDbClusterMember$;
exports.AwsRdsDbClusterOptionGroupMembership$ = AwsRdsDbClusterOptionGroupMembership$;
exports.AwsRdsDbClusterSnapshotDbClusterSnapshotAttribute$ = AwsRdsDbClusterSnapshotDbClusterSnapshotAttribute$;
exports.AwsRdsDbClusterSnapshotDetails$ = AwsRdsDbClusterSnapshotDetails$;
exports.AwsRdsDbDomainMembership$ = AwsRdsDbDomainMembership$;
exports.AwsRdsDbInstanceAssociatedRole$ = AwsRdsDbInstanceAssociatedRole$;
exports.AwsRdsDbInstanceDetails$ = AwsRdsDbInstanceDetails$;
exports.AwsRdsDbInstanceEndpoint$ = AwsRdsDbInstanceEndpoint$;
exports.AwsRdsDbInstanceVpcSecurityGroup$ = AwsRdsDbInstanceVpcSecurityGroup$;
exports.AwsRdsDbOptionGroupMembership$ = AwsRdsDbOptionGroupMembership$;
exports.AwsRdsDbParameterGroup$ = AwsRdsDbParameterGroup$;
exports.AwsRdsDbPendingModifiedValues$ = AwsRdsDbPendingModifiedValues$;
exports.AwsRdsDbProcessorFeature$ = AwsRdsDbProcessorFeature$;
exports.AwsRdsDbSecurityGroupDetails$ = AwsRdsDbSecurityGroupDetails$;
exports.AwsRdsDbSecurityGroupEc2SecurityGroup$ = AwsRdsDbSecurityGroupEc2SecurityGroup$;
exports.AwsRdsDbSecurityGroupIpRange$ = AwsRdsDbSecurityGroupIpRange$;
exports.AwsRdsDbSnapshotDetails$ = AwsRdsDbSnapshotDetails$;
exports.AwsRdsDbStatusInfo$ = AwsRdsDbStatusInfo$;
exports.AwsRdsDbSubnetGroup$ = AwsRdsDbSubnetGroup$;
exports.AwsRdsDbSubnetGroupSubnet$ = AwsRdsDbSubnetGroupSubnet$;
exports.AwsRdsDbSubnetGroupSubnetAvailabilityZone$ = AwsRdsDbSubnetGroupSubnetAvailabilityZone$;
exports.AwsRdsEventSubscriptionDetails$ = AwsRdsEventSubscriptionDetails$;
exports.AwsRdsPendingCloudWatchLogsExports$ = AwsRdsPendingCloudWatchLogsExports$;
exports.AwsRedshiftClusterClusterNode$ = AwsRedshiftClusterClusterNode$;
exports.AwsRedshiftClusterClusterParameterGroup$ = AwsRedshiftClusterClusterParameterGroup$;
exports.AwsRedshiftClusterClusterParameterStatus$ = AwsRedshiftClusterClusterParameterStatus$;
exports.AwsRedshiftClusterClusterSecurityGroup$ = AwsRedshiftClusterClusterSecurityGroup$;
exports.AwsRedshiftClusterClusterSnapshotCopyStatus$ = AwsRedshiftClusterClusterSnapshotCopyStatus$;
exports.AwsRedshiftClusterDeferredMaintenanceWindow$ = AwsRedshiftClusterDeferredMaintenanceWindow$;
exports.AwsRedshiftClusterDetails$ = AwsRedshiftClusterDetails$;
exports.AwsRedshiftClusterElasticIpStatus$ = AwsRedshiftClusterElasticIpStatus$;
exports.AwsRedshiftClusterEndpoint$ = AwsRedshiftClusterEndpoint$;
exports.AwsRedshiftClusterHsmStatus$ = AwsRedshiftClusterHsmStatus$;
exports.AwsRedshiftClusterIamRole$ = AwsRedshiftClusterIamRole$;
exports.AwsRedshiftClusterLoggingStatus$ = AwsRedshiftClusterLoggingStatus$;
exports.AwsRedshiftClusterPendingModifiedValues$ = AwsRedshiftClusterPendingModifiedValues$;
exports.AwsRedshiftClusterResizeInfo$ = AwsRedshiftClusterResizeInfo$;
exports.AwsRedshiftClusterRestoreStatus$ = AwsRedshiftClusterRestoreStatus$;
exports.AwsRedshiftClusterVpcSecurityGroup$ = AwsRedshiftClusterVpcSecurityGroup$;
exports.AwsRoute53HostedZoneConfigDetails$ = AwsRoute53HostedZoneConfigDetails$;
exports.AwsRoute53HostedZoneDetails$ = AwsRoute53HostedZoneDetails$;
exports.AwsRoute53HostedZoneObjectDetails$ = AwsRoute53HostedZoneObjectDetails$;
exports.AwsRoute53HostedZoneVpcDetails$ = AwsRoute53HostedZoneVpcDetails$;
exports.AwsRoute53QueryLoggingConfigDetails$ = AwsRoute53QueryLoggingConfigDetails$;
exports.AwsS3AccessPointDetails$ = AwsS3AccessPointDetails$;
exports.AwsS3AccessPointVpcConfigurationDetails$ = AwsS3AccessPointVpcConfigurationDetails$;
exports.AwsS3AccountPublicAccessBlockDetails$ = AwsS3AccountPublicAccessBlockDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationDetails$ = AwsS3BucketBucketLifecycleConfigurationDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesAbortIncompleteMultipartUploadDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesAbortIncompleteMultipartUploadDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesFilterDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesFilterDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsTagDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateOperandsTagDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateTagDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesFilterPredicateTagDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesNoncurrentVersionTransitionsDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesNoncurrentVersionTransitionsDetails$;
exports.AwsS3BucketBucketLifecycleConfigurationRulesTransitionsDetails$ = AwsS3BucketBucketLifecycleConfigurationRulesTransitionsDetails$;
exports.AwsS3BucketBucketVersioningConfiguration$ = AwsS3BucketBucketVersioningConfiguration$;
exports.AwsS3BucketDetails$ = AwsS3BucketDetails$;
exports.AwsS3BucketLoggingConfiguration$ = AwsS3BucketLoggingConfiguration$;
exports.AwsS3BucketNotificationConfiguration$ = AwsS3BucketNotificationConfiguration$;
exports.AwsS3BucketNotificationConfigurationDetail$ = AwsS3BucketNotificationConfigurationDetail$;
exports.AwsS3BucketNotificationConfigurationFilter$ = AwsS3BucketNotificationConfigurationFilter$;
exports.AwsS3BucketNotificationConfigurationS3KeyFilter$ = AwsS3BucketNotificationConfigurationS3KeyFilter$;
exports.AwsS3BucketNotificationConfigurationS3KeyFilterRule$ = AwsS3BucketNotificationConfigurationS3KeyFilterRule$;
exports.AwsS3BucketNotificationConfigurationS3KeyFilterRuleName = AwsS3BucketNotificationConfigurationS3KeyFilterRuleName;
exports.AwsS3BucketObjectLockConfiguration$ = AwsS3BucketObjectLockConfiguration$;
exports.AwsS3BucketObjectLockConfigurationRuleDefaultRetentionDetails$ = AwsS3BucketObjectLockConfigurationRuleDefaultRetentionDetails$;
exports.AwsS3BucketObjectLockConfigurationRuleDetails$ = AwsS3BucketObjectLockConfigurationRuleDetails$;
exports.AwsS3BucketServerSideEncryptionByDefault$ = AwsS3BucketServerSideEncryptionByDefault$;
exports.AwsS3BucketServerSideEncryptionConfiguration$ = AwsS3BucketServerSideEncryptionConfiguration$;
exports.AwsS3BucketServerSideEncryptionRule$ = AwsS3BucketServerSideEncryptionRule$;
exports.AwsS3BucketWebsiteConfiguration$ = AwsS3BucketWebsiteConfiguration$;
exports.AwsS3BucketWebsiteConfigurationRedirectTo$ = AwsS3BucketWebsiteConfigurationRedirectTo$;
exports.AwsS3BucketWebsiteConfigurationRoutingRule$ = AwsS3BucketWebsiteConfigurationRoutingRule$;
exports.AwsS3BucketWebsiteConfigurationRoutingRuleCondition$ = AwsS3BucketWebsiteConfigurationRoutingRuleCondition$;
exports.AwsS3BucketWebsiteConfigurationRoutingRuleRedirect$ = AwsS3BucketWebsiteConfigurationRoutingRuleRedirect$;
exports.AwsS3ObjectDetails$ = AwsS3ObjectDetails$;
exports.AwsSageMakerNotebookInstanceDetails$ = AwsSageMakerNotebookInstanceDetails$;
exports.AwsSageMakerNotebookInstanceMetadataServiceConfigurationDetails$ = AwsSageMakerNotebookInstanceMetadataServiceConfigurationDetails$;
exports.AwsSecretsManagerSecretDetails$ = AwsSecretsManagerSecretDetails$;
exports.AwsSecretsManagerSecretRotationRules$ = AwsSecretsManagerSecretRotationRules$;
exports.AwsSecurityFinding$ = AwsSecurityFinding$;
exports.AwsSecurityFindingFilters$ = AwsSecurityFindingFilters$;
exports.AwsSecurityFindingIdentifier$ = AwsSecurityFindingIdentifier$;
exports.AwsSnsTopicDetails$ = AwsSnsTopicDetails$;
exports.AwsSnsTopicSubscription$ = AwsSnsTopicSubscription$;
exports.AwsSqsQueueDetails$ = AwsSqsQueueDetails$;
exports.AwsSsmComplianceSummary$ = AwsSsmComplianceSummary$;
exports.AwsSsmPatch$ = AwsSsmPatch$;
exports.AwsSsmPatchComplianceDetails$ = AwsSsmPatchComplianceDetails$;
exports.AwsStepFunctionStateMachineDetails$ = AwsStepFunctionStateMachineDetails$;
exports.AwsStepFunctionStateMachineLoggingConfigurationDestinationsCloudWatchLogsLogGroupDetails$ = AwsStepFunctionStateMachineLoggingConfigurationDestinationsCloudWatchLogsLogGroupDetails$;
exports.AwsStepFunctionStateMachineLoggingConfigurationDestinationsDetails$ = AwsStepFunctionStateMachineLoggingConfigurationDestinationsDetails$;
exports.AwsStepFunctionStateMachineLoggingConfigurationDetails$ = AwsStepFunctionStateMachineLoggingConfigurationDetails$;
exports.AwsStepFunctionStateMachineTracingConfigurationDetails$ = AwsStepFunctionStateMachineTracingConfigurationDetails$;
exports.AwsWafRateBasedRuleDetails$ = AwsWafRateBasedRuleDetails$;
exports.AwsWafRateBasedRuleMatchPredicate$ = AwsWafRateBasedRuleMatchPredicate$;
exports.AwsWafRegionalRateBasedRuleDetails$ = AwsWafRegionalRateBasedRuleDetails$;
exports.AwsWafRegionalRateBasedRuleMatchPredicate$ = AwsWafRegionalRateBasedRuleMatchPredicate$;
exports.AwsWafRegionalRuleDetails$ = AwsWafRegionalRuleDetails$;
exports.AwsWafRegionalRuleGroupDetails$ = AwsWafRegionalRuleGroupDetails$;
exports.AwsWafRegionalRuleGroupRulesActionDetails$ = AwsWafRegionalRuleGroupRulesActionDetails$;
exports.AwsWafRegionalRuleGroupRulesDetails$ = AwsWafRegionalRuleGroupRulesDetails$;
exports.AwsWafRegionalRulePredicateListDetails$ = AwsWafRegionalRulePredicateListDetails$;
exports.AwsWafRegionalWebAclDetails$ = AwsWafRegionalWebAclDetails$;
exports.AwsWafRegionalWebAclRulesListActionDetails$ = AwsWafRegionalWebAclRulesListActionDetails$;
exports.AwsWafRegionalWebAclRulesListDetails$ = AwsWafRegionalWebAclRulesListDetails$;
exports.AwsWafRegionalWebAclRulesListOverrideActionDetails$ = AwsWafRegionalWebAclRulesListOverrideActionDetails$;
exports.AwsWafRuleDetails$ = AwsWafRuleDetails$;
exports.AwsWafRuleGroupDetails$ = AwsWafRuleGroupDetails$;
exports.AwsWafRuleGroupRulesActionDetails$ = AwsWafRuleGroupRulesActionDetails$;
exports.AwsWafRuleGroupRulesDetails$ = AwsWafRuleGroupRulesDetails$;
exports.AwsWafRulePredicateListDetails$ = AwsWafRulePredicateListDetails$;
exports.AwsWafWebAclDetails$ = AwsWafWebAclDetails$;
exports.AwsWafWebAclRule$ = AwsWafWebAclRule$;
exports.AwsWafv2ActionAllowDetails$ = AwsWafv2ActionAllowDetails$;
exports.AwsWafv2ActionBlockDetails$ = AwsWafv2ActionBlockDetails$;
exports.AwsWafv2CustomHttpHeader$ = AwsWafv2CustomHttpHeader$;
exports.AwsWafv2CustomRequestHandlingDetails$ = AwsWafv2CustomRequestHandlingDetails$;
exports.AwsWafv2CustomResponseDetails$ = AwsWafv2CustomResponseDetails$;
exports.AwsWafv2RuleGroupDetails$ = AwsWafv2RuleGroupDetails$;
exports.AwsWafv2RulesActionCaptchaDetails$ = AwsWafv2RulesActionCaptchaDetails$;
exports.AwsWafv2RulesActionCountDetails$ = AwsWafv2RulesActionCountDetails$;
exports.AwsWafv2RulesActionDetails$ = AwsWafv2RulesActionDetails$;
exports.AwsWafv2RulesDetails$ = AwsWafv2RulesDetails$;
exports.AwsWafv2VisibilityConfigDetails$ = AwsWafv2VisibilityConfigDetails$;
exports.AwsWafv2WebAclActionDetails$ = AwsWafv2WebAclActionDetails$;
exports.AwsWafv2WebAclCaptchaConfigDetails$ = AwsWafv2WebAclCaptchaConfigDetails$;
exports.AwsWafv2WebAclCaptchaConfigImmunityTimePropertyDetails$ = AwsWafv2WebAclCaptchaConfigImmunityTimePropertyDetails$;
exports.AwsWafv2WebAclDetails$ = AwsWafv2WebAclDetails$;
exports.AwsXrayEncryptionConfigDetails$ = AwsXrayEncryptionConfigDetails$;
exports.AzureDetail$ = AzureDetail$;
exports.AzureProviderConfiguration$ = AzureProviderConfiguration$;
exports.AzureScopeConfiguration$ = AzureScopeConfiguration$;
exports.AzureUpdateConfiguration$ = AzureUpdateConfiguration$;
exports.BatchDeleteAutomationRules$ = BatchDeleteAutomationRules$;
exports.BatchDeleteAutomationRulesCommand = BatchDeleteAutomationRulesCommand;
exports.BatchDeleteAutomationRulesRequest$ = BatchDeleteAutomationRulesRequest$;
exports.BatchDeleteAutomationRulesResponse$ = BatchDeleteAutomationRulesResponse$;
exports.BatchDisableStandards$ = BatchDisableStandards$;
exports.BatchDisableStandardsCommand = BatchDisableStandardsCommand;
exports.BatchDisableStandardsRequest$ = BatchDisableStandardsRequest$;
exports.BatchDisableStandardsResponse$ = BatchDisableStandardsResponse$;
exports.BatchEnableStandards$ = BatchEnableStandards$;
exports.BatchEnableStandardsCommand = BatchEnableStandardsCommand;
exports.BatchEnableStandardsRequest$ = BatchEnableStandardsRequest$;
exports.BatchEnableStandardsResponse$ = BatchEnableStandardsResponse$;
exports.BatchGetAutomationRules$ = BatchGetAutomationRules$;
exports.BatchGetAutomationRulesCommand = BatchGetAutomationRulesCommand;
exports.BatchGetAutomationRulesRequest$ = BatchGetAutomationRulesRequest$;
exports.BatchGetAutomationRulesResponse$ = BatchGetAutomationRulesResponse$;
exports.BatchGetConfigurationPolicyAssociations$ = BatchGetConfigurationPolicyAssociations$;
exports.BatchGetConfigurationPolicyAssociationsCommand = BatchGetConfigurationPolicyAssociationsCommand;
exports.BatchGetConfigurationPolicyAssociationsRequest$ = BatchGetConfigurationPolicyAssociationsRequest$;
exports.BatchGetConfigurationPolicyAssociationsResponse$ = BatchGetConfigurationPolicyAssociationsResponse$;
exports.BatchGetSecurityControls$ = BatchGetSecurityControls$;
exports.BatchGetSecurityControlsCommand = BatchGetSecurityControlsCommand;
exports.BatchGetSecurityControlsRequest$ = BatchGetSecurityControlsRequest$;
exports.BatchGetSecurityControlsResponse$ = BatchGetSecurityControlsResponse$;
exports.BatchGetStandardsControlAssociations$ = BatchGetStandardsControlAssociations$;
exports.BatchGetStandardsControlAssociationsCommand = BatchGetStandardsControlAssociationsCommand;
exports.BatchGetStandardsControlAssociationsRequest$ = BatchGetStandardsControlAssociationsRequest$;
exports.BatchGetStandardsControlAssociationsResponse$ = BatchGetStandardsControlAssociationsResponse$;
exports.BatchImportFindings$ = BatchImportFindings$;
exports.BatchImportFindingsCommand = BatchImportFindingsCommand;
exports.BatchImportFindingsRequest$ = BatchImportFindingsRequest$;
exports.BatchImportFindingsResponse$ = BatchImportFindingsResponse$;
exports.BatchUpdateAutomationRules$ = BatchUpdateAutomationRules$;
exports.BatchUpdateAutomationRulesCommand = BatchUpdateAutomationRulesCommand;
exports.BatchUpdateAutomationRulesRequest$ = BatchUpdateAutomationRulesRequest$;
exports.BatchUpdateAutomationRulesResponse$ = BatchUpdateAutomationRulesResponse$;
exports.BatchUpdateFindings$ = BatchUpdateFindings$;
exports.BatchUpdateFindingsCommand = BatchUpdateFindingsCommand;
exports.BatchUpdateFindingsRequest$ = BatchUpdateFindingsRequest$;
exports.BatchUpdateFindingsResponse$ = BatchUpdateFindingsResponse$;
exports.BatchUpdateFindingsUnprocessedFinding$ = BatchUpdateFindingsUnprocessedFinding$;
exports.BatchUpdateFindingsV2$ = BatchUpdateFindingsV2$;
exports.BatchUpdateFindingsV2Command = BatchUpdateFindingsV2Command;
exports.BatchUpdateFindingsV2ProcessedFinding$ = BatchUpdateFindingsV2ProcessedFinding$;
exports.BatchUpdateFindingsV2Request$ = BatchUpdateFindingsV2Request$;
exports.BatchUpdateFindingsV2Response$ = BatchUpdateFindingsV2Response$;
exports.BatchUpdateFindingsV2UnprocessedFinding$ = BatchUpdateFindingsV2UnprocessedFinding$;
exports.BatchUpdateFindingsV2UnprocessedFindingErrorCode = BatchUpdateFindingsV2UnprocessedFindingErrorCode;
exports.BatchUpdateStandardsControlAssociations$ = BatchUpdateStandardsControlAssociations$;
exports.BatchUpdateStandardsControlAssociationsCommand = BatchUpdateStandardsControlAssociationsCommand;
exports.BatchUpdateStandardsControlAssociationsRequest$ = BatchUpdateStandardsControlAssociationsRequest$;
exports.BatchUpdateStandardsControlAssociationsResponse$ = BatchUpdateStandardsControlAssociationsResponse$;
exports.BooleanConfigurationOptions$ = BooleanConfigurationOptions$;
exports.BooleanFilter$ = BooleanFilter$;
exports.Cell$ = Cell$;
exports.CidrBlockAssociation$ = CidrBlockAssociation$;
exports.City$ = City$;
exports.ClassificationResult$ = ClassificationResult$;
exports.ClassificationStatus$ = ClassificationStatus$;
exports.CloudProviderName = CloudProviderName;
exports.CloudWatchLogsLogGroupArnConfigDetails$ = CloudWatchLogsLogGroupArnConfigDetails$;
exports.CodeRepositoryDetails$ = CodeRepositoryDetails$;
exports.CodeVulnerabilitiesFilePath$ = CodeVulnerabilitiesFilePath$;
exports.Compliance$ = Compliance$;
exports.ComplianceStatus = ComplianceStatus;
exports.CompositeFilter$ = CompositeFilter$;
exports.ConfigurationOptions$ = ConfigurationOptions$;
exports.ConfigurationPolicyAssociation$ = ConfigurationPolicyAssociation$;
exports.ConfigurationPolicyAssociationStatus = ConfigurationPolicyAssociationStatus;
exports.ConfigurationPolicyAssociationSummary$ = ConfigurationPolicyAssociationSummary$;
exports.ConfigurationPolicySummary$ = ConfigurationPolicySummary$;
exports.ConflictException = ConflictException;
exports.ConflictException$ = ConflictException$;
exports.ConnectionDirection = ConnectionDirection;
exports.ConnectorAuthStatus = ConnectorAuthStatus;
exports.ConnectorProviderName = ConnectorProviderName;
exports.ConnectorStatus = ConnectorStatus;
exports.ConnectorSummary$ = ConnectorSummary$;
exports.ContainerDetails$ = ContainerDetails$;
exports.ControlFindingGenerator = ControlFindingGenerator;
exports.ControlStatus = ControlStatus;
exports.Country$ = Country$;
exports.CreateActionTarget$ = CreateActionTarget$;
exports.CreateActionTargetCommand = CreateActionTargetCommand;
exports.CreateActionTargetRequest$ = CreateActionTargetRequest$;
exports.CreateActionTargetResponse$ = CreateActionTargetResponse$;
exports.CreateAggregatorV2$ = CreateAggregatorV2$;
exports.CreateAggregatorV2Command = CreateAggregatorV2Command;
exports.CreateAggregatorV2Request$ = CreateAggregatorV2Request$;
exports.CreateAggregatorV2Response$ = CreateAggregatorV2Response$;
exports.CreateAutomationRule$ = CreateAutomationRule$;
exports.CreateAutomationRuleCommand = CreateAutomationRuleCommand;
exports.CreateAutomationRuleRequest$ = CreateAutomationRuleRequest$;
exports.CreateAutomationRuleResponse$ = CreateAutomationRuleResponse$;
exports.CreateAutomationRuleV2$ = CreateAutomationRuleV2$;
exports.CreateAutomationRuleV2Command = CreateAutomationRuleV2Command;
exports.CreateAutomationRuleV2Request$ = CreateAutomationRuleV2Request$;
exports.CreateAutomationRuleV2Response$ = CreateAutomationRuleV2Response$;
exports.CreateConfigurationPolicy$ = CreateConfigurationPolicy$;
exports.CreateConfigurationPolicyCommand = CreateConfigurationPolicyCommand;
exports.CreateConfigurationPolicyRequest$ = CreateConfigurationPolicyRequest$;
exports.CreateConfigurationPolicyResponse$ = CreateConfigurationPolicyResponse$;
exports.CreateConnector$ = CreateConnector$;
exports.CreateConnectorCommand = CreateConnectorCommand;
exports.CreateConnectorRequest$ = CreateConnectorRequest$;
exports.CreateConnectorResponse$ = CreateConnectorResponse$;
exports.CreateConnectorV2$ = CreateConnectorV2$;
exports.CreateConnectorV2Command = CreateConnectorV2Command;
exports.CreateConnectorV2Request$ = CreateConnectorV2Request$;
exports.CreateConnectorV2Response$ = CreateConnectorV2Response$;
exports.CreateFindingAggregator$ = CreateFindingAggregator$;
exports.CreateFindingAggregatorCommand = CreateFindingAggregatorCommand;
exports.CreateFindingAggregatorRequest$ = CreateFindingAggregatorRequest$;
exports.CreateFindingAggregatorResponse$ = CreateFindingAggregatorResponse$;
exports.CreateInsight$ = CreateInsight$;
exports.CreateInsightCommand = CreateInsightCommand;
exports.CreateInsightRequest$ = CreateInsightRequest$;
exports.CreateInsightResponse$ = CreateInsightResponse$;
exports.CreateMembers$ = CreateMembers$;
exports.CreateMembersCommand = CreateMembersCommand;
exports.CreateMembersRequest$ = CreateMembersRequest$;
exports.CreateMembersResponse$ = CreateMembersResponse$;
exports.CreateTicketV2$ = CreateTicketV2$;
exports.CreateTicketV2Command = CreateTicketV2Command;
exports.CreateTicketV2Request$ = CreateTicketV2Request$;
exports.CreateTicketV2Response$ = CreateTicketV2Response$;
exports.Criteria$ = Criteria$;
exports.CspmConnectorProviderName = CspmConnectorProviderName;
exports.CspmConnectorStatus = CspmConnectorStatus;
exports.CspmConnectorSummary$ = CspmConnectorSummary$;
exports.CspmEnablementStatus = CspmEnablementStatus;
exports.CspmHealthCheck$ = CspmHealthCheck$;
exports.CspmProviderConfiguration$ = CspmProviderConfiguration$;
exports.CspmProviderDetail$ = CspmProviderDetail$;
exports.CspmProviderSummary$ = CspmProviderSummary$;
exports.CspmProviderUpdateConfiguration$ = CspmProviderUpdateConfiguration$;
exports.CustomDataIdentifiersDetections$ = CustomDataIdentifiersDetections$;
exports.CustomDataIdentifiersResult$ = CustomDataIdentifiersResult$;
exports.Cvss$ = Cvss$;
exports.DataClassificationDetails$ = DataClassificationDetails$;
exports.DateFilter$ = DateFilter$;
exports.DateRange$ = DateRange$;
exports.DateRangeComparison = DateRangeComparison;
exports.DateRangeUnit = DateRangeUnit;
exports.DeclineInvitations$ = DeclineInvitations$;
exports.DeclineInvitationsCommand = DeclineInvitationsCommand;
exports.DeclineInvitationsRequest$ = DeclineInvitationsRequest$;
exports.DeclineInvitationsResponse$ = DeclineInvitationsResponse$;
exports.DeleteActionTarget$ = DeleteActionTarget$;
exports.DeleteActionTargetCommand = DeleteActionTargetCommand;
exports.DeleteActionTargetRequest$ = DeleteActionTargetRequest$;
exports.DeleteActionTargetResponse$ = DeleteActionTargetResponse$;
exports.DeleteAggregatorV2$ = DeleteAggregatorV2$;
exports.DeleteAggregatorV2Command = DeleteAggregatorV2Command;
exports.DeleteAggregatorV2Request$ = DeleteAggregatorV2Request$;
exports.DeleteAggregatorV2Response$ = DeleteAggregatorV2Response$;
exports.DeleteAutomationRuleV2$ = DeleteAutomationRuleV2$;
exports.DeleteAutomationRuleV2Command = DeleteAutomationRuleV2Command;
exports.DeleteAutomationRuleV2Request$ = DeleteAutomationRuleV2Request$;
exports.DeleteAutomationRuleV2Response$ = DeleteAutomationRuleV2Response$;
exports.DeleteConfigurationPolicy$ = DeleteConfigurationPolicy$;
exports.DeleteConfigurationPolicyCommand = DeleteConfigurationPolicyCommand;
exports.DeleteConfigurationPolicyRequest$ = DeleteConfigurationPolicyRequest$;
exports.DeleteConfigurationPolicyResponse$ = DeleteConfigurationPolicyResponse$;
exports.DeleteConnector$ = DeleteConnector$;
exports.DeleteConnectorCommand = DeleteConnectorCommand;
exports.DeleteConnectorRequest$ = DeleteConnectorRequest$;
exports.DeleteConnectorResponse$ = DeleteConnectorResponse$;
exports.DeleteConnectorV2$ = DeleteConnectorV2$;
exports.DeleteConnectorV2Command = DeleteConnectorV2Command;
exports.DeleteConnectorV2Request$ = DeleteConnectorV2Request$;
exports.DeleteConnectorV2Response$ = DeleteConnectorV2Response$;
exports.DeleteFindingAggregator$ = DeleteFindingAggregator$;
exports.DeleteFindingAggregatorCommand = DeleteFindingAggregatorCommand;
exports.DeleteFindingAggregatorRequest$ = DeleteFindingAggregatorRequest$;
exports.DeleteFindingAggregatorResponse$ = DeleteFindingAggregatorResponse$;
exports.DeleteInsight$ = DeleteInsight$;
exports.DeleteInsightCommand = DeleteInsightCommand;
exports.DeleteInsightRequest$ = DeleteInsightRequest$;
exports.DeleteInsightResponse$ = DeleteInsightResponse$;
exports.DeleteInvitations$ = DeleteInvitations$;
exports.DeleteInvitationsCommand = DeleteInvitationsCommand;
exports.DeleteInvitationsRequest$ = DeleteInvitationsRequest$;
exports.DeleteInvitationsResponse$ = DeleteInvitationsResponse$;
exports.DeleteMembers$ = DeleteMembers$;
exports.DeleteMembersCommand = DeleteMembersCommand;
exports.DeleteMembersRequest$ = DeleteMembersRequest$;
exports.DeleteMembersResponse$ = DeleteMembersResponse$;
exports.DescribeActionTargets$ = DescribeActionTargets$;
exports.DescribeActionTargetsCommand = DescribeActionTargetsCommand;
exports.DescribeActionTargetsRequest$ = DescribeActionTargetsRequest$;
exports.DescribeActionTargetsResponse$ = DescribeActionTargetsResponse$;
exports.DescribeHub$ = DescribeHub$;
exports.DescribeHubCommand = DescribeHubCommand;
exports.DescribeHubRequest$ = DescribeHubRequest$;
exports.DescribeHubResponse$ = DescribeHubResponse$;
exports.DescribeOrganizationConfiguration$ = DescribeOrganizationConfiguration$;
exports.DescribeOrganizationConfigurationCommand = DescribeOrganizationConfigurationCommand;
exports.DescribeOrganizationConfigurationRequest$ = DescribeOrganizationConfigurationRequest$;
exports.DescribeOrganizationConfigurationResponse$ = DescribeOrganizationConfigurationResponse$;
exports.DescribeProducts$ = DescribeProducts$;
exports.DescribeProductsCommand = DescribeProductsCommand;
exports.DescribeProductsRequest$ = DescribeProductsRequest$;
exports.DescribeProductsResponse$ = DescribeProductsResponse$;
exports.DescribeProductsV2$ = DescribeProductsV2$;
exports.DescribeProductsV2Command = DescribeProductsV2Command;
exports.DescribeProductsV2Request$ = DescribeProductsV2Request$;
exports.DescribeProductsV2Response$ = DescribeProductsV2Response$;
exports.DescribeSecurityHubV2$ = DescribeSecurityHubV2$;
exports.DescribeSecurityHubV2Command = DescribeSecurityHubV2Command;
exports.DescribeSecurityHubV2Request$ = DescribeSecurityHubV2Request$;
exports.DescribeSecurityHubV2Response$ = DescribeSecurityHubV2Response$;
exports.DescribeStandards$ = DescribeStandards$;
exports.DescribeStandardsCommand = DescribeStandardsCommand;
exports.DescribeStandardsControls$ = DescribeStandardsControls$;
exports.DescribeStandardsControlsCommand = DescribeStandardsControlsCommand;
exports.DescribeStandardsControlsRequest$ = DescribeStandardsControlsRequest$;
exports.DescribeStandardsControlsResponse$ = DescribeStandardsControlsResponse$;
exports.DescribeStandardsRequest$ = DescribeStandardsRequest$;
exports.DescribeStandardsResponse$ = DescribeStandardsResponse$;
exports.Detection$ = Detection$;
exports.DisableImportFindingsForProduct$ = DisableImportFindingsForProduct$;
exports.DisableImportFindingsForProductCommand = DisableImportFindingsForProductCommand;
exports.DisableImportFindingsForProductRequest$ = DisableImportFindingsForProductRequest$;
exports.DisableImportFindingsForProductResponse$ = DisableImportFindingsForProductResponse$;
exports.DisableOrganizationAdminAccount$ = DisableOrganizationAdminAccount$;
exports.DisableOrganizationAdminAccountCommand = DisableOrganizationAdminAccountCommand;
exports.DisableOrganizationAdminAccountRequest$ = DisableOrganizationAdminAccountRequest$;
exports.DisableOrganizationAdminAccountResponse$ = DisableOrganizationAdminAccountResponse$;
exports.DisableSecurityHub$ = DisableSecurityHub$;
exports.DisableSecurityHubCommand = DisableSecurityHubCommand;
exports.DisableSecurityHubFeatureV2$ = DisableSecurityHubFeatureV2$;
exports.DisableSecurityHubFeatureV2Command = DisableSecurityHubFeatureV2Command;
exports.DisableSecurityHubFeatureV2Request$ = DisableSecurityHubFeatureV2Request$;
exports.DisableSecurityHubFeatureV2Response$ = DisableSecurityHubFeatureV2Response$;
exports.DisableSecurityHubRequest$ = DisableSecurityHubRequest$;
exports.DisableSecurityHubResponse$ = DisableSecurityHubResponse$;
exports.DisableSecurityHubV2$ = DisableSecurityHubV2$;
exports.DisableSecurityHubV2Command = DisableSecurityHubV2Command;
exports.DisableSecurityHubV2Request$ = DisableSecurityHubV2Request$;
exports.DisableSecurityHubV2Response$ = DisableSecurityHubV2Response$;
exports.DisassociateFromAdministratorAccount$ = DisassociateFromAdministratorAccount$;
exports.DisassociateFromAdministratorAccountCommand = DisassociateFromAdministratorAccountCommand;
exports.DisassociateFromAdministratorAccountRequest$ = DisassociateFromAdministratorAccountRequest$;
exports.DisassociateFromAdministratorAccountResponse$ = DisassociateFromAdministratorAccountResponse$;
exports.DisassociateFromMasterAccount$ = DisassociateFromMasterAccount$;
exports.DisassociateFromMasterAccountCommand = DisassociateFromMasterAccountCommand;
exports.DisassociateFromMasterAccountRequest$ = DisassociateFromMasterAccountRequest$;
exports.DisassociateFromMasterAccountResponse$ = DisassociateFromMasterAccountResponse$;
exports.DisassociateMembers$ = DisassociateMembers$;
exports.DisassociateMembersCommand = DisassociateMembersCommand;
exports.DisassociateMembersRequest$ = DisassociateMembersRequest$;
exports.DisassociateMembersResponse$ = DisassociateMembersResponse$;
exports.DiscoveryType = DiscoveryType;
exports.DnsRequestAction$ = DnsRequestAction$;
exports.DoubleConfigurationOptions$ = DoubleConfigurationOptions$;
exports.EnableImportFindingsForProduct$ = EnableImportFindingsForProduct$;
exports.EnableImportFindingsForProductCommand = EnableImportFindingsForProductCommand;
exports.EnableImportFindingsForProductRequest$ = EnableImportFindingsForProductRequest$;
exports.EnableImportFindingsForProductResponse$ = EnableImportFindingsForProductResponse$;
exports.EnableOrganizationAdminAccount$ = EnableOrganizationAdminAccount$;
exports.EnableOrganizationAdminAccountCommand = EnableOrganizationAdminAccountCommand;
exports.EnableOrganizationAdminAccountRequest$ = EnableOrganizationAdminAccountRequest$;
exports.EnableOrganizationAdminAccountResponse$ = EnableOrganizationAdminAccountResponse$;
exports.EnableSecurityHub$ = EnableSecurityHub$;
exports.EnableSecurityHubCommand = EnableSecurityHubCommand;
exports.EnableSecurityHubFeatureV2$ = EnableSecurityHubFeatureV2$;
exports.EnableSecurityHubFeatureV2Command = EnableSecurityHubFeatureV2Command;
exports.EnableSecurityHubFeatureV2Request$ = EnableSecurityHubFeatureV2Request$;
exports.EnableSecurityHubFeatureV2Response$ = EnableSecurityHubFeatureV2Response$;
exports.EnableSecurityHubRequest$ = EnableSecurityHubRequest$;
exports.EnableSecurityHubResponse$ = EnableSecurityHubResponse$;
exports.EnableSecurityHubV2$ = EnableSecurityHubV2$;
exports.EnableSecurityHubV2Command = EnableSecurityHubV2Command;
exports.EnableSecurityHubV2Request$ = EnableSecurityHubV2Request$;
exports.EnableSecurityHubV2Response$ = EnableSecurityHubV2Response$;
exports.EnablementStatus = EnablementStatus;
exports.EnumConfigurationOptions$ = EnumConfigurationOptions$;
exports.EnumListConfigurationOptions$ = EnumListConfigurationOptions$;
exports.ExternalIntegrationConfiguration$ = ExternalIntegrationConfiguration$;
exports.FeatureDetail$ = FeatureDetail$;
exports.FeatureName = FeatureName;
exports.FeatureStatus = FeatureStatus;
exports.FilePaths$ = FilePaths$;
exports.FindingAggregator$ = FindingAggregator$;
exports.FindingHistoryRecord$ = FindingHistoryRecord$;
exports.FindingHistoryUpdate$ = FindingHistoryUpdate$;
exports.FindingHistoryUpdateSource$ = FindingHistoryUpdateSource$;
exports.FindingHistoryUpdateSourceType = FindingHistoryUpdateSourceType;
exports.FindingProviderFields$ = FindingProviderFields$;
exports.FindingProviderSeverity$ = FindingProviderSeverity$;
exports.FindingScopes$ = FindingScopes$;
exports.FindingsTrendsCompositeFilter$ = FindingsTrendsCompositeFilter$;
exports.FindingsTrendsFilters$ = FindingsTrendsFilters$;
exports.FindingsTrendsStringField = FindingsTrendsStringField;
exports.FindingsTrendsStringFilter$ = FindingsTrendsStringFilter$;
exports.FirewallPolicyDetails$ = FirewallPolicyDetails$;
exports.FirewallPolicyStatefulRuleGroupReferencesDetails$ = FirewallPolicyStatefulRuleGroupReferencesDetails$;
exports.FirewallPolicyStatelessCustomActionsDetails$ = FirewallPolicyStatelessCustomActionsDetails$;
exports.FirewallPolicyStatelessRuleGroupReferencesDetails$ = FirewallPolicyStatelessRuleGroupReferencesDetails$;
exports.FreeTrialStatus$ = FreeTrialStatus$;
exports.FreeTrialStatusValue = FreeTrialStatusValue;
exports.FreeTrialType = FreeTrialType;
exports.GenerateRecommendedPolicyV2$ = GenerateRecommendedPolicyV2$;
exports.GenerateRecommendedPolicyV2Command = GenerateRecommendedPolicyV2Command;
exports.GenerateRecommendedPolicyV2Request$ = GenerateRecommendedPolicyV2Request$;
exports.GenerateRecommendedPolicyV2Response$ = GenerateRecommendedPolicyV2Response$;
exports.GeneratorDetails$ = GeneratorDetails$;
exports.GeoLocation$ = GeoLocation$;
exports.GetAdministratorAccount$ = GetAdministratorAccount$;
exports.GetAdministratorAccountCommand = GetAdministratorAccountCommand;
exports.GetAdministratorAccountRequest$ = GetAdministratorAccountRequest$;
exports.GetAdministratorAccountResponse$ = GetAdministratorAccountResponse$;
exports.GetAggregatorV2$ = GetAggregatorV2$;
exports.GetAggregatorV2Command = GetAggregatorV2Command;
exports.GetAggregatorV2Request$ = GetAggregatorV2Request$;
exports.GetAggregatorV2Response$ = GetAggregatorV2Response$;
exports.GetAutomationRuleV2$ = GetAutomationRuleV2$;
exports.GetAutomationRuleV2Command = GetAutomationRuleV2Command;
exports.GetAutomationRuleV2Request$ = GetAutomationRuleV2Request$;
exports.GetAutomationRuleV2Response$ = GetAutomationRuleV2Response$;
exports.GetConfigurationPolicy$ = GetConfigurationPolicy$;
exports.GetConfigurationPolicyAssociation$ = GetConfigurationPolicyAssociation$;
exports.GetConfigurationPolicyAssociationCommand = GetConfigurationPolicyAssociationCommand;
exports.GetConfigurationPolicyAssociationRequest$ = GetConfigurationPolicyAssociationRequest$;
exports.GetConfigurationPolicyAssociationResponse$ = GetConfigurationPolicyAssociationResponse$;
exports.GetConfigurationPolicyCommand = GetConfigurationPolicyCommand;
exports.GetConfigurationPolicyRequest$ = GetConfigurationPolicyRequest$;
exports.GetConfigurationPolicyResponse$ = GetConfigurationPolicyResponse$;
exports.GetConnector$ = GetConnector$;
exports.GetConnectorCommand = GetConnectorCommand;
exports.GetConnectorRequest$ = GetConnectorRequest$;
exports.GetConnectorResponse$ = GetConnectorResponse$;
exports.GetConnectorV2$ = GetConnectorV2$;
exports.GetConnectorV2Command = GetConnectorV2Command;
exports.GetConnectorV2Request$ = GetConnectorV2Request$;
exports.GetConnectorV2Response$ = GetConnectorV2Response$;
exports.GetEnabledStandards$ = GetEnabledStandards$;
exports.GetEnabledStandardsCommand = GetEnabledStandardsCommand;
exports.GetEnabledStandardsRequest$ = GetEnabledStandardsRequest$;
exports.GetEnabledStandardsResponse$ = GetEnabledStandardsResponse$;
exports.GetFindingAggregator$ = GetFindingAggregator$;
exports.GetFindingAggregatorCommand = GetFindingAggregatorCommand;
exports.GetFindingAggregatorRequest$ = GetFindingAggregatorRequest$;
exports.GetFindingAggregatorResponse$ = GetFindingAggregatorResponse$;
exports.GetFindingHistory$ = GetFindingHistory$;
exports.GetFindingHistoryCommand = GetFindingHistoryCommand;
exports.GetFindingHistoryRequest$ = GetFindingHistoryRequest$;
exports.GetFindingHistoryResponse$ = GetFindingHistoryResponse$;
exports.GetFindingStatisticsV2$ = GetFindingStatisticsV2$;
exports.GetFindingStatisticsV2Command = GetFindingStatisticsV2Command;
exports.GetFindingStatisticsV2Request$ = GetFindingStatisticsV2Request$;
exports.GetFindingStatisticsV2Response$ = GetFindingStatisticsV2Response$;
exports.GetFindings$ = GetFindings$;
exports.GetFindingsCommand = GetFindingsCommand;
exports.GetFindingsRequest$ = GetFindingsRequest$;
exports.GetFindingsResponse$ = GetFindingsResponse$;
exports.GetFindingsTrendsV2$ = GetFindingsTrendsV2$;
exports.GetFindingsTrendsV2Command = GetFindingsTrendsV2Command;
exports.GetFindingsTrendsV2Request$ = GetFindingsTrendsV2Request$;
exports.GetFindingsTrendsV2Response$ = GetFindingsTrendsV2Response$;
exports.GetFindingsV2$ = GetFindingsV2$;
exports.GetFindingsV2Command = GetFindingsV2Command;
exports.GetFindingsV2Request$ = GetFindingsV2Request$;
exports.GetFindingsV2Response$ = GetFindingsV2Response$;
exports.GetInsightResults$ = GetInsightResults$;
exports.GetInsightResultsCommand = GetInsightResultsCommand;
exports.GetInsightResultsRequest$ = GetInsightResultsRequest$;
exports.GetInsightResultsResponse$ = GetInsightResultsResponse$;
exports.GetInsights$ = GetInsights$;
exports.GetInsightsCommand = GetInsightsCommand;
exports.GetInsightsRequest$ = GetInsightsRequest$;
exports.GetInsightsResponse$ = GetInsightsResponse$;
exports.GetInvitationsCount$ = GetInvitationsCount$;
exports.GetInvitationsCountCommand = GetInvitationsCountCommand;
exports.GetInvitationsCountRequest$ = GetInvitationsCountRequest$;
exports.GetInvitationsCountResponse$ = GetInvitationsCountResponse$;
exports.GetMasterAccount$ = GetMasterAccount$;
exports.GetMasterAccountCommand = GetMasterAccountCommand;
exports.GetMasterAccountRequest$ = GetMasterAccountRequest$;
exports.GetMasterAccountResponse$ = GetMasterAccountResponse$;
exports.GetMembers$ = GetMembers$;
exports.GetMembersCommand = GetMembersCommand;
exports.GetMembersRequest$ = GetMembersRequest$;
exports.GetMembersResponse$ = GetMembersResponse$;
exports.GetRecommendedPolicyV2$ = GetRecommendedPolicyV2$;
exports.GetRecommendedPolicyV2Command = GetRecommendedPolicyV2Command;
exports.GetRecommendedPolicyV2Request$ = GetRecommendedPolicyV2Request$;
exports.GetRecommendedPolicyV2Response$ = GetRecommendedPolicyV2Response$;
exports.GetResourcesStatisticsV2$ = GetResourcesStatisticsV2$;
exports.GetResourcesStatisticsV2Command = GetResourcesStatisticsV2Command;
exports.GetResourcesStatisticsV2Request$ = GetResourcesStatisticsV2Request$;
exports.GetResourcesStatisticsV2Response$ = GetResourcesStatisticsV2Response$;
exports.GetResourcesTrendsV2$ = GetResourcesTrendsV2$;
exports.GetResourcesTrendsV2Command = GetResourcesTrendsV2Command;
exports.GetResourcesTrendsV2Request$ = GetResourcesTrendsV2Request$;
exports.GetResourcesTrendsV2Response$ = GetResourcesTrendsV2Response$;
exports.GetResourcesV2$ = GetResourcesV2$;
exports.GetResourcesV2Command = GetResourcesV2Command;
exports.GetResourcesV2Request$ = GetResourcesV2Request$;
exports.GetResourcesV2Response$ = GetResourcesV2Response$;
exports.GetSecurityControlDefinition$ = GetSecurityControlDefinition$;
exports.GetSecurityControlDefinitionCommand = GetSecurityControlDefinitionCommand;
exports.GetSecurityControlDefinitionRequest$ = GetSecurityControlDefinitionRequest$;
exports.GetSecurityControlDefinitionResponse$ = GetSecurityControlDefinitionResponse$;
exports.GranularityField = GranularityField;
exports.GroupByField = GroupByField;
exports.GroupByResult$ = GroupByResult$;
exports.GroupByRule$ = GroupByRule$;
exports.GroupByValue$ = GroupByValue$;
exports.HealthCheck$ = HealthCheck$;
exports.HealthIssue$ = HealthIssue$;
exports.HealthIssueCode = HealthIssueCode;
exports.IcmpTypeCode$ = IcmpTypeCode$;
exports.ImportFindingsError$ = ImportFindingsError$;
exports.Indicator$ = Indicator$;
exports.Insight$ = Insight$;
exports.InsightResultValue$ = InsightResultValue$;
exports.InsightResults$ = InsightResults$;
exports.IntegerConfigurationOptions$ = IntegerConfigurationOptions$;
exports.IntegerListConfigurationOptions$ = IntegerListConfigurationOptions$;
exports.IntegrationType = IntegrationType;
exports.IntegrationV2Type = IntegrationV2Type;
exports.InternalException = InternalException;
exports.InternalException$ = InternalException$;
exports.InternalServerException = InternalServerException;
exports.InternalServerException$ = InternalServerException$;
exports.InvalidAccessException = InvalidAccessException;
exports.InvalidAccessException$ = InvalidAccessException$;
exports.InvalidInputException = InvalidInputException;
exports.InvalidInputException$ = InvalidInputException$;
exports.Invitation$ = Invitation$;
exports.InviteMembers$ = InviteMembers$;
exports.InviteMembersCommand = InviteMembersCommand;
exports.InviteMembersRequest$ = InviteMembersRequest$;
exports.InviteMembersResponse$ = InviteMembersResponse$;
exports.IpFilter$ = IpFilter$;
exports.IpOrganizationDetails$ = IpOrganizationDetails$;
exports.Ipv6CidrBlockAssociation$ = Ipv6CidrBlockAssociation$;
exports.JiraCloudDetail$ = JiraCloudDetail$;
exports.JiraCloudProviderConfiguration$ = JiraCloudProviderConfiguration$;
exports.JiraCloudUpdateConfiguration$ = JiraCloudUpdateConfiguration$;
exports.KeywordFilter$ = KeywordFilter$;
exports.LimitExceededException = LimitExceededException;
exports.LimitExceededException$ = LimitExceededException$;
exports.ListAggregatorsV2$ = ListAggregatorsV2$;
exports.ListAggregatorsV2Command = ListAggregatorsV2Command;
exports.ListAggregatorsV2Request$ = ListAggregatorsV2Request$;
exports.ListAggregatorsV2Response$ = ListAggregatorsV2Response$;
exports.ListAutomationRules$ = ListAutomationRules$;
exports.ListAutomationRulesCommand = ListAutomationRulesCommand;
exports.ListAutomationRulesRequest$ = ListAutomationRulesRequest$;
exports.ListAutomationRulesResponse$ = ListAutomationRulesResponse$;
exports.ListAutomationRulesV2$ = ListAutomationRulesV2$;
exports.ListAutomationRulesV2Command = ListAutomationRulesV2Command;
exports.ListAutomationRulesV2Request$ = ListAutomationRulesV2Request$;
exports.ListAutomationRulesV2Response$ = ListAutomationRulesV2Response$;
exports.ListConfigurationPolicies$ = ListConfigurationPolicies$;
exports.ListConfigurationPoliciesCommand = ListConfigurationPoliciesCommand;
exports.ListConfigurationPoliciesRequest$ = ListConfigurationPoliciesRequest$;
exports.ListConfigurationPoliciesResponse$ = ListConfigurationPoliciesResponse$;
exports.ListConfigurationPolicyAssociations$ = ListConfigurationPolicyAssociations$;
exports.ListConfigurationPolicyAssociationsCommand = ListConfigurationPolicyAssociationsCommand;
exports.ListConfigurationPolicyAssociationsRequest$ = ListConfigurationPolicyAssociationsRequest$;
exports.ListConfigurationPolicyAssociationsResponse$ = ListConfigurationPolicyAssociationsResponse$;
exports.ListConnectors$ = ListConnectors$;
exports.ListConnectorsCommand = ListConnectorsCommand;
exports.ListConnectorsRequest$ = ListConnectorsRequest$;
exports.ListConnectorsResponse$ = ListConnectorsResponse$;
exports.ListConnectorsV2$ = ListConnectorsV2$;
exports.ListConnectorsV2Command = ListConnectorsV2Command;
exports.ListConnectorsV2Request$ = ListConnectorsV2Request$;
exports.ListConnectorsV2Response$ = ListConnectorsV2Response$;
exports.ListEnabledProductsForImport$ = ListEnabledProductsForImport$;
exports.ListEnabledProductsForImportCommand = ListEnabledProductsForImportCommand;
exports.ListEnabledProductsForImportRequest$ = ListEnabledProductsForImportRequest$;
exports.ListEnabledProductsForImportResponse$ = ListEnabledProductsForImportResponse$;
exports.ListFindingAggregators$ = ListFindingAggregators$;
exports.ListFindingAggregatorsCommand = ListFindingAggregatorsCommand;
exports.ListFindingAggregatorsRequest$ = ListFindingAggregatorsRequest$;
exports.ListFindingAggregatorsResponse$ = ListFindingAggregatorsResponse$;
exports.ListFreeTrialStatusesV2$ = ListFreeTrialStatusesV2$;
exports.ListFreeTrialStatusesV2Command = ListFreeTrialStatusesV2Command;
exports.ListFreeTrialStatusesV2Request$ = ListFreeTrialStatusesV2Request$;
exports.ListFreeTrialStatusesV2Response$ = ListFreeTrialStatusesV2Response$;
exports.ListInvitations$ = ListInvitations$;
exports.ListInvitationsCommand = ListInvitationsCommand;
exports.ListInvitationsRequest$ = ListInvitationsRequest$;
exports.ListInvitationsResponse$ = ListInvitationsResponse$;
exports.ListMembers$ = ListMembers$;
exports.ListMembersCommand = ListMembersCommand;
exports.ListMembersRequest$ = ListMembersRequest$;
exports.ListMembersResponse$ = ListMembersResponse$;
exports.ListOrganizationAdminAccounts$ = ListOrganizationAdminAccounts$;
exports.ListOrganizationAdminAccountsCommand = ListOrganizationAdminAccountsCommand;
exports.ListOrganizationAdminAccountsRequest$ = ListOrganizationAdminAccountsRequest$;
exports.ListOrganizationAdminAccountsResponse$ = ListOrganizationAdminAccountsResponse$;
exports.ListSecurityControlDefinitions$ = ListSecurityControlDefinitions$;
exports.ListSecurityControlDefinitionsCommand = ListSecurityControlDefinitionsCommand;
exports.ListSecurityControlDefinitionsRequest$ = ListSecurityControlDefinitionsRequest$;
exports.ListSecurityControlDefinitionsResponse$ = ListSecurityControlDefinitionsResponse$;
exports.ListStandardsControlAssociations$ = ListStandardsControlAssociations$;
exports.ListStandardsControlAssociationsCommand = ListStandardsControlAssociationsCommand;
exports.ListStandardsControlAssociationsRequest$ = ListStandardsControlAssociationsRequest$;
exports.ListStandardsControlAssociationsResponse$ = ListStandardsControlAssociationsResponse$;
exports.ListTagsForResource$ = ListTagsForResource$;
exports.ListTagsForResourceCommand = ListTagsForResourceCommand;
exports.ListTagsForResourceRequest$ = ListTagsForResourceRequest$;
exports.ListTagsForResourceResponse$ = ListTagsForResourceResponse$;
exports.LoadBalancerState$ = LoadBalancerState$;
exports.Malware$ = Malware$;
exports.MalwareState = MalwareState;
exports.MalwareType = MalwareType;
exports.MapFilter$ = MapFilter$;
exports.MapFilterComparison = MapFilterComparison;
exports.Member$ = Member$;
exports.Network$ = Network$;
exports.NetworkAutonomousSystem$ = NetworkAutonomousSystem$;
exports.NetworkConnection$ = NetworkConnection$;
exports.NetworkConnectionAction$ = NetworkConnectionAction$;
exports.NetworkDirection = NetworkDirection;
exports.NetworkEndpoint$ = NetworkEndpoint$;
exports.NetworkGeoLocation$ = NetworkGeoLocation$;
exports.NetworkHeader$ = NetworkHeader$;
exports.NetworkPathComponent$ = NetworkPathComponent$;
exports.NetworkPathComponentDetails$ = NetworkPathComponentDetails$;
exports.Note$ = Note$;
exports.NoteUpdate$ = NoteUpdate$;
exports.NumberFilter$ = NumberFilter$;
exports.Occurrences$ = Occurrences$;
exports.OcsfBooleanField = OcsfBooleanField;
exports.OcsfBooleanFilter$ = OcsfBooleanFilter$;
exports.OcsfDateField = OcsfDateField;
exports.OcsfDateFilter$ = OcsfDateFilter$;
exports.OcsfFindingFilters$ = OcsfFindingFilters$;
exports.OcsfFindingIdentifier$ = OcsfFindingIdentifier$;
exports.OcsfIpField = OcsfIpField;
exports.OcsfIpFilter$ = OcsfIpFilter$;
exports.OcsfMapField = OcsfMapField;
exports.OcsfMapFilter$ = OcsfMapFilter$;
exports.OcsfNumberField = OcsfNumberField;
exports.OcsfNumberFilter$ = OcsfNumberFilter$;
exports.OcsfStringField = OcsfStringField;
exports.OcsfStringFilter$ = OcsfStringFilter$;
exports.OrganizationConfiguration$ = OrganizationConfiguration$;
exports.OrganizationConfigurationConfigurationType = OrganizationConfigurationConfigurationType;
exports.OrganizationConfigurationStatus = OrganizationConfigurationStatus;
exports.OrganizationNotFoundException = OrganizationNotFoundException;
exports.OrganizationNotFoundException$ = OrganizationNotFoundException$;
exports.OrganizationalUnitNotFoundException = OrganizationalUnitNotFoundException;
exports.OrganizationalUnitNotFoundException$ = OrganizationalUnitNotFoundException$;
exports.Page$ = Page$;
exports.ParameterConfiguration$ = ParameterConfiguration$;
exports.ParameterDefinition$ = ParameterDefinition$;
exports.ParameterValue$ = ParameterValue$;
exports.ParameterValueType = ParameterValueType;
exports.Partition = Partition;
exports.PatchSummary$ = PatchSummary$;
exports.Policy$ = Policy$;
exports.PortProbeAction$ = PortProbeAction$;
exports.PortProbeDetail$ = PortProbeDetail$;
exports.PortRange$ = PortRange$;
exports.PortRangeFromTo$ = PortRangeFromTo$;
exports.ProcessDetails$ = ProcessDetails$;
exports.Product$ = Product$;
exports.ProductV2$ = ProductV2$;
exports.PropagatingVgwSetDetails$ = PropagatingVgwSetDetails$;
exports.ProviderConfiguration$ = ProviderConfiguration$;
exports.ProviderDetail$ = ProviderDetail$;
exports.ProviderSummary$ = ProviderSummary$;
exports.ProviderUpdateConfiguration$ = ProviderUpdateConfiguration$;
exports.Range$ = Range$;
exports.Recommendation$ = Recommendation$;
exports.RecommendationError$ = RecommendationError$;
exports.RecommendationStatus = RecommendationStatus;
exports.RecommendationStep$ = RecommendationStep$;
exports.RecommendationType = RecommendationType;
exports.RecordState = RecordState;
exports.RegionAvailabilityStatus = RegionAvailabilityStatus;
exports.RegisterConnectorV2$ = RegisterConnectorV2$;
exports.RegisterConnectorV2Command = RegisterConnectorV2Command;
exports.RegisterConnectorV2Request$ = RegisterConnectorV2Request$;
exports.RegisterConnectorV2Response$ = RegisterConnectorV2Response$;
exports.RelatedFinding$ = RelatedFinding$;
exports.Remediation$ = Remediation$;
exports.Resource$ = Resource$;
exports.ResourceCategory = ResourceCategory;
exports.ResourceConflictException = ResourceConflictException;
exports.ResourceConflictException$ = ResourceConflictException$;
exports.ResourceDetails$ = ResourceDetails$;
exports.ResourceFindingsSummary$ = ResourceFindingsSummary$;
exports.ResourceGroupByField = ResourceGroupByField;
exports.ResourceGroupByRule$ = ResourceGroupByRule$;
exports.ResourceInUseException = ResourceInUseException;
exports.ResourceInUseException$ = ResourceInUseException$;
exports.ResourceInfo$ = ResourceInfo$;
exports.ResourceNotFoundException = ResourceNotFoundException;
exports.ResourceNotFoundException$ = ResourceNotFoundException$;
exports.ResourceOwner$ = ResourceOwner$;
exports.ResourceOwnerAccount$ = ResourceOwnerAccount$;
exports.ResourceOwnerOrg$ = ResourceOwnerOrg$;
exports.ResourceResult$ = ResourceResult$;
exports.ResourceScopes$ = ResourceScopes$;
exports.ResourceSeverityBreakdown$ = ResourceSeverityBreakdown$;
exports.ResourceSubCategory = ResourceSubCategory;
exports.ResourceTag$ = ResourceTag$;
exports.ResourcesCompositeFilter$ = ResourcesCompositeFilter$;
exports.ResourcesCount$ = ResourcesCount$;
exports.ResourcesDateField = ResourcesDateField;
exports.ResourcesDateFilter$ = ResourcesDateFilter$;
exports.ResourcesFilters$ = ResourcesFilters$;
exports.ResourcesMapField = ResourcesMapField;
exports.ResourcesMapFilter$ = ResourcesMapFilter$;
exports.ResourcesNumberField = ResourcesNumberField;
exports.ResourcesNumberFilter$ = ResourcesNumberFilter$;
exports.ResourcesStringField = ResourcesStringField;
exports.ResourcesStringFilter$ = ResourcesStringFilter$;
exports.ResourcesTrendsCompositeFilter$ = ResourcesTrendsCompositeFilter$;
exports.ResourcesTrendsFilters$ = ResourcesTrendsFilters$;
exports.ResourcesTrendsMetricsResult$ = ResourcesTrendsMetricsResult$;
exports.ResourcesTrendsStringField = ResourcesTrendsStringField;
exports.ResourcesTrendsStringFilter$ = ResourcesTrendsStringFilter$;
exports.ResourcesTrendsValues$ = ResourcesTrendsValues$;
exports.Result$ = Result$;
exports.RouteSetDetails$ = RouteSetDetails$;
exports.RuleGroupDetails$ = RuleGroupDetails$;
exports.RuleGroupSource$ = RuleGroupSource$;
exports.RuleGroupSourceCustomActionsDetails$ = RuleGroupSourceCustomActionsDetails$;
exports.RuleGroupSourceListDetails$ = RuleGroupSourceListDetails$;
exports.RuleGroupSourceStatefulRulesDetails$ = RuleGroupSourceStatefulRulesDetails$;
exports.RuleGroupSourceStatefulRulesHeaderDetails$ = RuleGroupSourceStatefulRulesHeaderDetails$;
exports.RuleGroupSourceStatefulRulesOptionsDetails$ = RuleGroupSourceStatefulRulesOptionsDetails$;
exports.RuleGroupSourceStatelessRuleDefinition$ = RuleGroupSourceStatelessRuleDefinition$;
exports.RuleGroupSourceStatelessRuleMatchAttributes$ = RuleGroupSourceStatelessRuleMatchAttributes$;
exports.RuleGroupSourceStatelessRuleMatchAttributesDestinationPorts$ = RuleGroupSourceStatelessRuleMatchAttributesDestinationPorts$;
exports.RuleGroupSourceStatelessRuleMatchAttributesDestinations$ = RuleGroupSourceStatelessRuleMatchAttributesDestinations$;
exports.RuleGroupSourceStatelessRuleMatchAttributesSourcePorts$ = RuleGroupSourceStatelessRuleMatchAttributesSourcePorts$;
exports.RuleGroupSourceStatelessRuleMatchAttributesSources$ = RuleGroupSourceStatelessRuleMatchAttributesSources$;
exports.RuleGroupSourceStatelessRuleMatchAttributesTcpFlags$ = RuleGroupSourceStatelessRuleMatchAttributesTcpFlags$;
exports.RuleGroupSourceStatelessRulesAndCustomActionsDetails$ = RuleGroupSourceStatelessRulesAndCustomActionsDetails$;
exports.RuleGroupSourceStatelessRulesDetails$ = RuleGroupSourceStatelessRulesDetails$;
exports.RuleGroupVariables$ = RuleGroupVariables$;
exports.RuleGroupVariablesIpSetsDetails$ = RuleGroupVariablesIpSetsDetails$;
exports.RuleGroupVariablesPortSetsDetails$ = RuleGroupVariablesPortSetsDetails$;
exports.RuleStatus = RuleStatus;
exports.RuleStatusV2 = RuleStatusV2;
exports.ScopeType = ScopeType;
exports.SecurityControl$ = SecurityControl$;
exports.SecurityControlCustomParameter$ = SecurityControlCustomParameter$;
exports.SecurityControlDefinition$ = SecurityControlDefinition$;
exports.SecurityControlParameter$ = SecurityControlParameter$;
exports.SecurityControlProperty = SecurityControlProperty;
exports.SecurityControlsConfiguration$ = SecurityControlsConfiguration$;
exports.SecurityControlsProvider = SecurityControlsProvider;
exports.SecurityHub = SecurityHub;
exports.SecurityHubClient = SecurityHubClient;
exports.SecurityHubFeature = SecurityHubFeature;
exports.SecurityHubPolicy$ = SecurityHubPolicy$;
exports.SecurityHubServiceException = SecurityHubServiceException;
exports.SecurityHubServiceException$ = SecurityHubServiceException$;
exports.SensitiveDataDetections$ = SensitiveDataDetections$;
exports.SensitiveDataResult$ = SensitiveDataResult$;
exports.Sequence$ = Sequence$;
exports.ServiceNowDetail$ = ServiceNowDetail$;
exports.ServiceNowProviderConfiguration$ = ServiceNowProviderConfiguration$;
exports.ServiceNowUpdateConfiguration$ = ServiceNowUpdateConfiguration$;
exports.ServiceQuotaExceededException = ServiceQuotaExceededException;
exports.ServiceQuotaExceededException$ = ServiceQuotaExceededException$;
exports.Severity$ = Severity$;
exports.SeverityLabel = SeverityLabel;
exports.SeverityRating = SeverityRating;
exports.SeverityTrendsCount$ = SeverityTrendsCount$;
exports.SeverityUpdate$ = SeverityUpdate$;
exports.Signal$ = Signal$;
exports.SoftwarePackage$ = SoftwarePackage$;
exports.SortCriterion$ = SortCriterion$;
exports.SortOrder = SortOrder;
exports.Standard$ = Standard$;
exports.StandardsControl$ = StandardsControl$;
exports.StandardsControlAssociationDetail$ = StandardsControlAssociationDetail$;
exports.StandardsControlAssociationId$ = StandardsControlAssociationId$;
exports.StandardsControlAssociationSummary$ = StandardsControlAssociationSummary$;
exports.StandardsControlAssociationUpdate$ = StandardsControlAssociationUpdate$;
exports.StandardsControlsUpdatable = StandardsControlsUpdatable;
exports.StandardsManagedBy$ = StandardsManagedBy$;
exports.StandardsProvider = StandardsProvider;
exports.StandardsStatus = StandardsStatus;
exports.StandardsStatusReason$ = StandardsStatusReason$;
exports.StandardsSubscription$ = StandardsSubscription$;
exports.StandardsSubscriptionRequest$ = StandardsSubscriptionRequest$;
exports.StartConfigurationPolicyAssociation$ = StartConfigurationPolicyAssociation$;
exports.StartConfigurationPolicyAssociationCommand = StartConfigurationPolicyAssociationCommand;
exports.StartConfigurationPolicyAssociationRequest$ = StartConfigurationPolicyAssociationRequest$;
exports.StartConfigurationPolicyAssociationResponse$ = StartConfigurationPolicyAssociationResponse$;
exports.StartConfigurationPolicyDisassociation$ = StartConfigurationPolicyDisassociation$;
exports.StartConfigurationPolicyDisassociationCommand = StartConfigurationPolicyDisassociationCommand;
exports.StartConfigurationPolicyDisassociationRequest$ = StartConfigurationPolicyDisassociationRequest$;
exports.StartConfigurationPolicyDisassociationResponse$ = StartConfigurationPolicyDisassociationResponse$;
exports.StatelessCustomActionDefinition$ = StatelessCustomActionDefinition$;
exports.StatelessCustomPublishMetricAction$ = StatelessCustomPublishMetricAction$;
exports.StatelessCustomPublishMetricActionDimension$ = StatelessCustomPublishMetricActionDimension$;
exports.StatusReason$ = StatusReason$;
exports.StatusReasonCode = StatusReasonCode;
exports.StringConfigurationOptions$ = StringConfigurationOptions$;
exports.StringFilter$ = StringFilter$;
exports.StringFilterComparison = StringFilterComparison;
exports.StringListConfigurationOptions$ = StringListConfigurationOptions$;
exports.TagResource$ = TagResource$;
exports.TagResourceCommand = TagResourceCommand;
exports.TagResourceRequest$ = TagResourceRequest$;
exports.TagResourceResponse$ = TagResourceResponse$;
exports.Target$ = Target$;
exports.TargetType = TargetType;
exports.Threat$ = Threat$;
exports.ThreatIntelIndicator$ = ThreatIntelIndicator$;
exports.ThreatIntelIndicatorCategory = ThreatIntelIndicatorCategory;
exports.ThreatIntelIndicatorType = ThreatIntelIndicatorType;
exports.ThrottlingException = ThrottlingException;
exports.ThrottlingException$ = ThrottlingException$;
exports.TicketCreationMode = TicketCreationMode;
exports.TrendsMetricsResult$ = TrendsMetricsResult$;
exports.TrendsValues$ = TrendsValues$;
exports.UnprocessedAutomationRule$ = UnprocessedAutomationRule$;
exports.UnprocessedConfigurationPolicyAssociation$ = UnprocessedConfigurationPolicyAssociation$;
exports.UnprocessedErrorCode = UnprocessedErrorCode;
exports.UnprocessedSecurityControl$ = UnprocessedSecurityControl$;
exports.UnprocessedStandardsControlAssociation$ = UnprocessedStandardsControlAssociation$;
exports.UnprocessedStandardsControlAssociationUpdate$ = UnprocessedStandardsControlAssociationUpdate$;
exports.UntagResource$ = UntagResource$;
exports.UntagResourceCommand = UntagResourceCommand;
exports.UntagResourceRequest$ = UntagResourceRequest$;
exports.UntagResourceResponse$ = UntagResourceResponse$;
exports.UnusedPermissionsRecommendationStep$ = UnusedPermissionsRecommendationStep$;
exports.UpdateActionTarget$ = UpdateActionTarget$;
exports.UpdateActionTargetCommand = UpdateActionTargetCommand;
exports.UpdateActionTargetRequest$ = UpdateActionTargetRequest$;
exports.UpdateActionTargetResponse$ = UpdateActionTargetResponse$;
exports.UpdateAggregatorV2$ = UpdateAggregatorV2$;
exports.UpdateAggregatorV2Command = UpdateAggregatorV2Command;
exports.UpdateAggregatorV2Request$ = UpdateAggregatorV2Request$;
exports.UpdateAggregatorV2Response$ = UpdateAggregatorV2Response$;
exports.UpdateAutomationRuleV2$ = UpdateAutomationRuleV2$;
exports.UpdateAutomationRuleV2Command = UpdateAutomationRuleV2Command;
exports.UpdateAutomationRuleV2Request$ = UpdateAutomationRuleV2Request$;
exports.UpdateAutomationRuleV2Response$ = UpdateAutomationRuleV2Response$;
exports.UpdateAutomationRulesRequestItem$ = UpdateAutomationRulesRequestItem$;
exports.UpdateConfigurationPolicy$ = UpdateConfigurationPolicy$;
exports.UpdateConfigurationPolicyCommand = UpdateConfigurationPolicyCommand;
exports.UpdateConfigurationPolicyRequest$ = UpdateConfigurationPolicyRequest$;
exports.UpdateConfigurationPolicyResponse$ = UpdateConfigurationPolicyResponse$;
exports.UpdateConnector$ = UpdateConnector$;
exports.UpdateConnectorCommand = UpdateConnectorCommand;
exports.UpdateConnectorRequest$ = UpdateConnectorRequest$;
exports.UpdateConnectorResponse$ = UpdateConnectorResponse$;
exports.UpdateConnectorV2$ = UpdateConnectorV2$;
exports.UpdateConnectorV2Command = UpdateConnectorV2Command;
exports.UpdateConnectorV2Request$ = UpdateConnectorV2Request$;
exports.UpdateConnectorV2Response$ = UpdateConnectorV2Response$;
exports.UpdateFindingAggregator$ = UpdateFindingAggregator$;
exports.UpdateFindingAggregatorCommand = UpdateFindingAggregatorCommand;
exports.UpdateFindingAggregatorRequest$ = UpdateFindingAggregatorRequest$;
exports.UpdateFindingAggregatorResponse$ = UpdateFindingAggregatorResponse$;
exports.UpdateFindings$ = UpdateFindings$;
exports.UpdateFindingsCommand = UpdateFindingsCommand;
exports.UpdateFindingsRequest$ = UpdateFindingsRequest$;
exports.UpdateFindingsResponse$ = UpdateFindingsResponse$;
exports.UpdateInsight$ = UpdateInsight$;
exports.UpdateInsightCommand = UpdateInsightCommand;
exports.UpdateInsightRequest$ = UpdateInsightRequest$;
exports.UpdateInsightResponse$ = UpdateInsightResponse$;
exports.UpdateOrganizationConfiguration$ = UpdateOrganizationConfiguration$;
exports.UpdateOrganizationConfigurationCommand = UpdateOrganizationConfigurationCommand;
exports.UpdateOrganizationConfigurationRequest$ = UpdateOrganizationConfigurationRequest$;
exports.UpdateOrganizationConfigurationResponse$ = UpdateOrganizationConfigurationResponse$;
exports.UpdateSecurityControl$ = UpdateSecurityControl$;
exports.UpdateSecurityControlCommand = UpdateSecurityControlCommand;
exports.UpdateSecurityControlRequest$ = UpdateSecurityControlRequest$;
exports.UpdateSecurityControlResponse$ = UpdateSecurityControlResponse$;
exports.UpdateSecurityHubConfiguration$ = UpdateSecurityHubConfiguration$;
exports.UpdateSecurityHubConfigurationCommand = UpdateSecurityHubConfigurationCommand;
exports.UpdateSecurityHubConfigurationRequest$ = UpdateSecurityHubConfigurationRequest$;
exports.UpdateSecurityHubConfigurationResponse$ = UpdateSecurityHubConfigurationResponse$;
exports.UpdateStandardsControl$ = UpdateStandardsControl$;
exports.UpdateStandardsControlCommand = UpdateStandardsControlCommand;
exports.UpdateStandardsControlRequest$ = UpdateStandardsControlRequest$;
exports.UpdateStandardsControlResponse$ = UpdateStandardsControlResponse$;
exports.UpdateStatus = UpdateStatus;
exports.UserAccount$ = UserAccount$;
exports.ValidationException = ValidationException;
exports.ValidationException$ = ValidationException$;
exports.VerificationState = VerificationState;
exports.VolumeMount$ = VolumeMount$;
exports.VpcInfoCidrBlockSetDetails$ = VpcInfoCidrBlockSetDetails$;
exports.VpcInfoIpv6CidrBlockSetDetails$ = VpcInfoIpv6CidrBlockSetDetails$;
exports.VpcInfoPeeringOptionsDetails$ = VpcInfoPeeringOptionsDetails$;
exports.Vulnerability$ = Vulnerability$;
exports.VulnerabilityCodeVulnerabilities$ = VulnerabilityCodeVulnerabilities$;
exports.VulnerabilityExploitAvailable = VulnerabilityExploitAvailable;
exports.VulnerabilityFixAvailable = VulnerabilityFixAvailable;
exports.VulnerabilityVendor$ = VulnerabilityVendor$;
exports.WafAction$ = WafAction$;
exports.WafExcludedRule$ = WafExcludedRule$;
exports.WafOverrideAction$ = WafOverrideAction$;
exports.Workflow$ = Workflow$;
exports.WorkflowState = WorkflowState;
exports.WorkflowStatus = WorkflowStatus;
exports.WorkflowUpdate$ = WorkflowUpdate$;
exports._Record$ = _Record$;
exports.errorTypeRegistries = errorTypeRegistries;
exports.paginateDescribeActionTargets = paginateDescribeActionTargets;
exports.paginateDescribeProducts = paginateDescribeProducts;
exports.paginateDescribeProductsV2 = paginateDescribeProductsV2;
exports.paginateDescribeStandards = paginateDescribeStandards;
exports.paginateDescribeStandardsControls = paginateDescribeStandardsControls;
exports.paginateGetEnabledStandards = paginateGetEnabledStandards;
exports.paginateGetFindingHistory = paginateGetFindingHistory;
exports.paginateGetFindings = paginateGetFindings;
exports.paginateGetFindingsTrendsV2 = paginateGetFindingsTrendsV2;
exports.paginateGetFindingsV2 = paginateGetFindingsV2;
exports.paginateGetInsights = paginateGetInsights;
exports.paginateGetRecommendedPolicyV2 = paginateGetRecommendedPolicyV2;
exports.paginateGetResourcesTrendsV2 = paginateGetResourcesTrendsV2;
exports.paginateGetResourcesV2 = paginateGetResourcesV2;
exports.paginateListAggregatorsV2 = paginateListAggregatorsV2;
exports.paginateListConfigurationPolicies = paginateListConfigurationPolicies;
exports.paginateListConfigurationPolicyAssociations = paginateListConfigurationPolicyAssociations;
exports.paginateListEnabledProductsForImport = paginateListEnabledProductsForImport;
exports.paginateListFindingAggregators = paginateListFindingAggregators;
exports.paginateListFreeTrialStatusesV2 = paginateListFreeTrialStatusesV2;
exports.paginateListInvitations = paginateListInvitations;
exports.paginateListMembers = paginateListMembers;
exports.paginateListOrganizationAdminAccounts = paginateListOrganizationAdminAccounts;
exports.paginateListSecurityControlDefinitions = paginateListSecurityControlDefinitions;
exports.paginateListStandardsControlAssociations = paginateListStandardsControlAssociations;


/***/ })

};

//# sourceMappingURL=200.index.js.map